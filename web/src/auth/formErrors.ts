// Mapping of problem details onto the fields of a form (account pages only).

import { problemMessage, type ProblemDetails } from "./problem";

export interface FormErrors<F extends string> {
  /** First message(s) per known field, joined. */
  readonly fields: Partial<Record<F, string>>;
  /** Messages not tied to a shown field (and the general refusal, if any). */
  readonly general: readonly string[];
}

export const noFormErrors: FormErrors<never> = Object.freeze({ fields: Object.freeze({}), general: Object.freeze([]) });

/** Other names servers use for a field. */
const ALIASES: Readonly<Record<string, string>> = {
  username: "email",
  emailaddress: "email",
  name: "displayName",
  organization: "organisation",
};

/**
 * The form field an `errors` key belongs to, or null. Matching ignores case and accepts
 * JSON paths ("$.email", "body.email", "Password"), aliases ("UserName" → email), and
 * ASP.NET Identity codes that contain a field name ("PasswordTooShort" → password,
 * "DuplicateEmail" → email); the longest matching field name wins.
 */
export function fieldForKey<F extends string>(key: string, fields: readonly F[]): F | null {
  const lower = (s: string) => s.toLowerCase();
  const path = key.replace(/^\$\.?/, "").split(/[.[\]]/).filter((part) => part !== "");
  const candidates = [path[path.length - 1] ?? "", path[0] ?? ""].map(lower);
  for (const candidate of candidates) {
    const exact = fields.find((f) => lower(f) === candidate) ?? fields.find((f) => lower(f) === lower(ALIASES[candidate] ?? ""));
    if (exact !== undefined) return exact;
  }
  const compact = lower(key);
  const byLength = [...fields].sort((a, b) => b.length - a.length);
  const contained = byLength.find((f) => compact.includes(lower(f)));
  if (contained !== undefined) return contained;
  const alias = Object.keys(ALIASES).find((a) => compact.includes(a));
  return alias === undefined ? null : (fields.find((f) => lower(f) === lower(ALIASES[alias] ?? "")) ?? null);
}

/**
 * Maps problem details onto the fields of a form: each `errors` key goes to its field,
 * messages for fields the form does not show go to `general`. Without field errors the
 * refusal itself (by code, else title) is the general message.
 */
export function formErrors<F extends string>(problem: ProblemDetails, fields: readonly F[]): FormErrors<F> {
  const byField: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const [key, list] of Object.entries(problem.errors)) {
    const field = fieldForKey(key, fields);
    if (field === null) {
      general.push(...list);
    } else {
      byField[field] = byField[field] === undefined ? list.join(" ") : `${byField[field]} ${list.join(" ")}`;
    }
  }
  const anyField = Object.keys(byField).length > 0;
  if (!anyField && general.length === 0) general.push(problemMessage(problem));
  else if (!anyField && problem.code !== null && problem.code !== "validation-failed") general.unshift(problemMessage(problem));
  return { fields: byField, general };
}
