// RFC 7807 problem details from the API, and their mapping onto form fields.

import { currentMessages } from "../i18n";

export interface ProblemDetails {
  readonly status: number;
  readonly code: string | null;
  readonly title: string | null;
  readonly detail: string | null;
  /** Validation messages keyed by field ("email", "password", …). */
  readonly errors: Readonly<Record<string, readonly string[]>>;
  /** Every member of the body, extensions included (e.g. `lockedUntil`). */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** Seconds from a Retry-After header, if any. */
  readonly retryAfterSeconds: number | null;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

function messages(value: unknown): string[] {
  if (typeof value === "string") return text(value) ? [value] : [];
  if (!Array.isArray(value)) return [];
  return value.filter((m): m is string => text(m) !== null);
}

function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null || header.trim() === "") return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - now) / 1000));
}

/** Builds problem details from a status, a parsed body (anything) and a Retry-After header. */
export function toProblem(status: number, body: unknown, retryAfter: string | null = null, now = Date.now()): ProblemDetails {
  const record = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const errors: Record<string, readonly string[]> = {};
  const rawErrors = record["errors"];
  if (typeof rawErrors === "object" && rawErrors !== null) {
    if (Array.isArray(rawErrors)) {
      // Some servers send [{ code, description }] (ASP.NET Identity); keep them under their code.
      for (const item of rawErrors as unknown[]) {
        if (typeof item !== "object" || item === null) continue;
        const entry = item as Record<string, unknown>;
        const key = text(entry["code"]) ?? "";
        const message = text(entry["description"]) ?? text(entry["message"]);
        if (message !== null) errors[key] = [...(errors[key] ?? []), message];
      }
    } else {
      for (const [key, value] of Object.entries(rawErrors as Record<string, unknown>)) {
        const list = messages(value);
        if (list.length > 0) errors[key] = list;
      }
    }
  }
  return {
    status: typeof record["status"] === "number" ? record["status"] : status,
    code: text(record["code"]),
    title: text(record["title"]),
    detail: text(record["detail"]),
    errors,
    extensions: record,
    retryAfterSeconds: parseRetryAfter(retryAfter, now),
  };
}

/** Reads a failed response as problem details (tolerates empty or non-JSON bodies). */
export async function readProblem(response: Response): Promise<ProblemDetails> {
  let body: unknown = null;
  try {
    const raw = await response.text();
    body = raw === "" ? null : JSON.parse(raw);
  } catch {
    body = null;
  }
  return toProblem(response.status, body, response.headers.get("Retry-After"));
}

/** A problem for a request that got no answer (network down, server unreachable). */
export const networkProblem = (): ProblemDetails => toProblem(0, { code: "network" });

/** Message (in the language shown) for a refusal without field errors, chosen by `code`, then status. */
export function problemMessage(problem: ProblemDetails): string {
  const byCode = problem.code === null ? undefined : (currentMessages().problems.codes as Readonly<Record<string, string>>)[problem.code];
  if (byCode !== undefined) return byCode;
  if (problem.status === 0) return currentMessages().problems.network;
  if (problem.status === 429) return currentMessages().problems.codes["rate-limited"];
  if (problem.status >= 500) return currentMessages().problems.server;
  return problem.title ?? currentMessages().problems.generic;
}
