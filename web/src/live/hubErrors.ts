// Refusals of hub calls. SignalR carries only a message, so the server starts it with a stable code (HubErrors in
// the C# API, exported as HUB_ERROR_CODES): the client receives "… HubException: {code}: {message}"; a rule
// violation names its rule next, "rule-violation: {rule}: {message}", and a passing failure the seconds to wait,
// "unavailable: {seconds}: {message}". Every hub caller reads them here.

import type { HubErrorCode } from "../wire/contract";

export interface HubError {
  /** A declared code, or one a newer server declares that this page does not know yet. */
  readonly code: HubErrorCode | (string & {});
  /** The rule a "rule-violation" names ("resync", "poll-closed", …); null for other codes. */
  readonly rule: string | null;
  /** For "unavailable" (a fail-over, a timeout, storage): milliseconds to wait before trying again; null otherwise. */
  readonly retryAfterMs: number | null;
  /** The server's words (in French: the server writes for people). */
  readonly message: string;
}

const MARKER = "HubException: ";
/** "code: rest", the code in lower-case words joined by hyphens; a rule violation's rest starts the same way with its rule. */
const CODED = /^([a-z]+(?:-[a-z]+)*): (.*)$/s;
/** What follows "unavailable: ": the seconds to wait, then the server's words. */
const RETRY_AFTER = /^(\d+): (.*)$/s;

/** The refusal `error` carries, or null when it is none (a lost connection, an offline call, a client bug). */
export function parseHubError(error: unknown): HubError | null {
  const text = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const marker = text.lastIndexOf(MARKER);
  const match = CODED.exec(marker < 0 ? text : text.slice(marker + MARKER.length));
  if (match === null) return null;
  const [, code = "", rest = ""] = match;
  if (code === "unavailable") {
    const wait = RETRY_AFTER.exec(rest);
    return wait === null
      ? { code, rule: null, retryAfterMs: null, message: rest }
      : { code, rule: null, retryAfterMs: Number(wait[1]) * 1_000, message: wait[2] ?? "" };
  }
  const rule = code === "rule-violation" ? CODED.exec(rest) : null;
  return rule === null
    ? { code, rule: null, retryAfterMs: null, message: rest }
    : { code, rule: rule[1] ?? "", retryAfterMs: null, message: rule[2] ?? "" };
}
