// A QR code as one SVG path (drawn from uqr's modules), so the page never inserts markup it did not build itself.

import { encode } from "uqr";

export interface QrDrawing {
  /** Modules per side, the quiet zone of 2 included: the SVG's viewBox. */
  readonly size: number;
  readonly path: string;
}

/** One 1×1 square per dark module, offset by the quiet zone. */
export function qrDrawing(text: string): QrDrawing {
  const { data, size } = encode(text, { ecc: "M", border: 0 });
  const quiet = 2;
  const parts: string[] = [];
  data.forEach((row, y) => row.forEach((dark, x) => dark && parts.push(`M${x + quiet} ${y + quiet}h1v1h-1z`)));
  return { size: size + 2 * quiet, path: parts.join("") };
}
