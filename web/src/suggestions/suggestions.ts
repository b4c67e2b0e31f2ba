// Partner suggestions (GET /api/cooperatives/{slug}/suggestions): the server ranks them and says
// why with reason codes and parameters; the sentence is made here, in the language shown.

import { json, ok, send, type Result } from "../auth/authApi";
import { reportUnauthorized } from "../auth/session";
import type { Messages } from "../i18n";
import type { PartnerSuggestion, SuggestionReason } from "../wire/contract";

export type { PartnerSuggestion, SuggestionReason, SuggestionReasonCode } from "../wire/contract";

/** A reason as read: a newer server may send a code this client does not know yet. */
export type ReadReason = Omit<SuggestionReason, "code"> & { readonly code: string };

/** One reason as a phrase ("même filière : huile d'olive"); a code this client does not know yet stays readable. */
export function reasonText(reason: ReadReason, t: Messages): string {
  const r = t.suggestions.reasons;
  const region = reason.region === undefined ? "" : t.regions[reason.region];
  switch (reason.code) {
    case "same-value-chain":
      return r["same-value-chain"](reason.valueChain ?? "");
    case "complementary-value-chain":
      return r["complementary-value-chain"](reason.valueChain ?? "", reason.complements ?? "");
    case "skill-matches-need":
      return r["skill-matches-need"](reason.skill ?? "", reason.need ?? "");
    case "interest-matches-value-chain":
      return r["interest-matches-value-chain"](reason.interest ?? reason.valueChain ?? "");
    case "missing-region":
      return r["missing-region"](region);
    case "diaspora-of-region":
      return r["diaspora-of-region"](region);
    default:
      return t.suggestions.otherReason;
  }
}

export async function fetchCooperativeSuggestions(slug: string): Promise<Result<readonly PartnerSuggestion[]>> {
  const result = await send("GET", `/api/cooperatives/${encodeURIComponent(slug)}/suggestions`);
  if (!result.ok) {
    if (result.problem.status === 401) reportUnauthorized();
    return result;
  }
  const body = await json(result.value);
  const items = body?.["items"];
  return ok(Array.isArray(items) ? (items as PartnerSuggestion[]) : []);
}
