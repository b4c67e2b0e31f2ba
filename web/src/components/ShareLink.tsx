// A link to pass on (an invitation, a password link an admin issued): shown in full, with "copy", the phone's own
// share sheet (navigator.share: WhatsApp is how people here pass links) and a QR code to scan from a phone held
// across the table. The QR drawing is a separate download, fetched only when shown.

import { useEffect, useState } from "preact/hooks";
import { useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import type { QrDrawing } from "./qrPath";

interface ShareLinkProps {
  readonly id: string;
  readonly link: string;
  /** What the link is, for the share sheet ("Invitation au projet …"). */
  readonly title: string;
}

export function ShareLink({ id, link, title }: ShareLinkProps) {
  const m = useMessages(manageMessages).share;
  const [copied, setCopied] = useState<boolean | null>(null);
  const [qr, setQr] = useState(false);
  const canShare = typeof navigator !== "undefined" && typeof navigator.share === "function";

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure context): the link stays selectable in the field.
      (document.getElementById(`${id}-link`) as HTMLInputElement | null)?.select();
      setCopied(false);
    }
  };

  return (
    <div class="share-link">
      <label class="field__label" for={`${id}-link`}>
        {m.link}
      </label>
      <input id={`${id}-link`} class="share-link__url" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <div class="actions">
        <button type="button" class="button" onClick={() => void copy()}>
          {m.copy}
        </button>
        {canShare && (
          <button type="button" class="button" onClick={() => void navigator.share({ title, text: title, url: link }).catch(() => undefined)}>
            {m.share}
          </button>
        )}
        <button type="button" class="button" aria-expanded={qr} aria-controls={`${id}-qr`} onClick={() => setQr(!qr)}>
          {qr ? m.hideQr : m.showQr}
        </button>
      </div>
      <p class="muted" role="status">
        {copied === true ? m.copied : copied === false ? m.copyFailed : ""}
      </p>
      <div id={`${id}-qr`} hidden={!qr}>
        {qr && <QrCode text={link} label={m.qrLabel(title)} />}
      </div>
    </div>
  );
}

function QrCode({ text, label }: { readonly text: string; readonly label: string }) {
  const [drawing, setDrawing] = useState<QrDrawing | null>(null);
  useEffect(() => {
    let live = true;
    void import("./qrPath").then(({ qrDrawing }) => live && setDrawing(qrDrawing(text)));
    return () => {
      live = false;
    };
  }, [text]);
  if (drawing === null) return null;
  return (
    <svg class="share-link__qr" viewBox={`0 0 ${drawing.size} ${drawing.size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={drawing.size} height={drawing.size} fill="#fff" />
      <path d={drawing.path} fill="#000" />
    </svg>
  );
}
