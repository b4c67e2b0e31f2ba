// Pure logic of editing an organisation's profile: the editable fields as text (lists one value
// per line), the profile they produce, and what a concurrent change means for the editor —
// which fields both sides changed, and the version to retry with.

import type { Messages } from "../i18n";
import type { Contact, CooperativeProfile, DiasporaGroupProfile, OrganisationProfile } from "../types";
import { LEGAL_FORM_VALUES, ORGANISATION_KIND_VALUES, REGION_VALUES } from "../wire/contract";

/** The form's values, by field key (text as typed). */
export type ProfileForm = Readonly<Record<string, string>>;

export type FieldKind = "text" | "textarea" | "list" | "number" | "select" | "email" | "tel";

export interface FieldSpec<P> {
  /** Also the server's validation key once dots are dropped ("contact.email" → contactEmail). */
  readonly key: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  label(t: Messages): string;
  options?(t: Messages): readonly (readonly [value: string, label: string])[];
  read(profile: P): string;
  write(profile: P, value: string): P;
}

const lines = (value: string): string[] =>
  value
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

const list = <P>(key: keyof P & string, label: (t: Messages) => string): FieldSpec<P> => ({
  key,
  kind: "list",
  label,
  read: (p) => (p[key] as readonly string[]).join("\n"),
  write: (p, v) => ({ ...p, [key]: lines(v) }),
});

const text = <P>(key: keyof P & string, label: (t: Messages) => string, kind: FieldKind = "text", required = true): FieldSpec<P> => ({
  key,
  kind,
  required,
  label,
  read: (p) => p[key] as string,
  write: (p, v) => ({ ...p, [key]: v.trim() }),
});

const wholeNumber = /^\s*\d+\s*$/;

const number = <P>(key: keyof P & string, label: (t: Messages) => string): FieldSpec<P> => ({
  key,
  kind: "number",
  required: true,
  label,
  read: (p) => String(p[key] as number),
  // Checked by formProblems() before sending.
  write: (p, v) => ({ ...p, [key]: Number(v.trim()) }),
});

const contact = <P extends { readonly contact: Contact }>(
  part: keyof Contact,
  kind: FieldKind,
  label: (t: Messages) => string,
): FieldSpec<P> => ({
  key: `contact${part.charAt(0).toUpperCase()}${part.slice(1)}`,
  kind,
  label,
  read: (p) => p.contact[part] ?? "",
  write: (p, v) => ({ ...p, contact: { ...p.contact, [part]: v.trim() === "" ? null : v.trim() } }),
});

const regionOptions = (t: Messages) => REGION_VALUES.map((r) => [r, t.regions[r]] as const);

/** A required choice among fixed values (its options labelled in the page's language). */
const choice = <P, K extends keyof P & string>(
  key: K,
  label: (t: Messages) => string,
  options: (t: Messages) => readonly (readonly [value: string, label: string])[],
): FieldSpec<P> => ({
  key,
  kind: "select",
  required: true,
  label,
  options,
  read: (p) => p[key] as string,
  write: (p, v) => ({ ...p, [key]: v }),
});

export const COOPERATIVE_FIELDS: readonly FieldSpec<CooperativeProfile>[] = [
  text("name", (t) => t.profile.name),
  choice("region", (t) => t.profile.region, regionOptions),
  text("commune", (t) => t.profile.commune),
  choice("legalForm", (t) => t.profile.legalForm, (t) => LEGAL_FORM_VALUES.map((f) => [f, t.legalForms[f]] as const)),
  list("valueChains", (t) => t.profile.valueChains),
  list("products", (t) => t.profile.products),
  number("memberCount", (t) => t.profile.memberCount),
  number("womenSharePercent", (t) => t.profile.womenShare),
  number("youthSharePercent", (t) => t.profile.youthShare),
  list("capacityNeeds", (t) => t.profile.capacityNeeds),
  text("description", (t) => t.profile.description, "textarea", false),
  contact("person", "text", (t) => t.profile.contactPerson),
  contact("email", "email", (t) => t.profile.contactEmail),
  contact("phone", "tel", (t) => t.profile.contactPhone),
];

export const DIASPORA_GROUP_FIELDS: readonly FieldSpec<DiasporaGroupProfile>[] = [
  text("name", (t) => t.profile.name),
  choice("originRegion", (t) => t.profile.originRegion, regionOptions),
  text("country", (t) => t.profile.country),
  text("city", (t) => t.profile.city),
  number("memberCount", (t) => t.profile.memberCount),
  list("skills", (t) => t.profile.skills),
  list("interestAreas", (t) => t.profile.interestAreas),
  text("description", (t) => t.profile.description, "textarea", false),
  contact("person", "text", (t) => t.profile.contactPerson),
  contact("email", "email", (t) => t.profile.contactEmail),
  contact("phone", "tel", (t) => t.profile.contactPhone),
];

export const ORGANISATION_FIELDS: readonly FieldSpec<OrganisationProfile>[] = [
  text("name", (t) => t.profile.name),
  choice("kind", (t) => t.profile.organisationKind, (t) => ORGANISATION_KIND_VALUES.map((k) => [k, t.organisationKinds[k]] as const)),
  choice("region", (t) => t.profile.region, regionOptions),
  text("place", (t) => t.profile.place),
  list("sectors", (t) => t.profile.sectors),
  list("offers", (t) => t.profile.offers),
  list("needs", (t) => t.profile.needs),
  text("description", (t) => t.profile.description, "textarea", false),
  contact("person", "text", (t) => t.profile.contactPerson),
  contact("email", "email", (t) => t.profile.contactEmail),
  contact("phone", "tel", (t) => t.profile.contactPhone),
];

export function toForm<P>(fields: readonly FieldSpec<P>[], profile: P): ProfileForm {
  return Object.fromEntries(fields.map((f) => [f.key, f.read(profile)]));
}

/** The profile to send: `original` with the form's fields written over it (fields the form does not show are kept). */
export function fromForm<P>(fields: readonly FieldSpec<P>[], form: ProfileForm, original: P): P {
  return fields.reduce((profile, f) => f.write(profile, form[f.key] ?? ""), original);
}

/** Checks made before sending (the server checks everything again). */
export function formProblems<P>(fields: readonly FieldSpec<P>[], form: ProfileForm, t: Messages): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of fields) {
    const value = form[f.key] ?? "";
    if (f.required && value.trim() === "") problems[f.key] = t.form.fieldRequired;
    else if (f.kind === "number" && !wholeNumber.test(value)) problems[f.key] = t.form.wholeNumber;
  }
  return problems;
}

/** Compares field values as the server will store them (lists and text trimmed). */
const same = (kind: FieldKind, a: string, b: string): boolean =>
  kind === "list" ? lines(a).join("\n") === lines(b).join("\n") : a.trim() === b.trim();

export interface ConflictRow {
  readonly key: string;
  readonly theirs: string;
  readonly yours: string;
  readonly youChanged: boolean;
  readonly theyChanged: boolean;
}

/**
 * After a refused save (someone saved first): the fields where the saved version and the editor's
 * differ, among those either side changed since `base` (the version the editor started from).
 */
export function conflictRows<P>(fields: readonly FieldSpec<P>[], base: ProfileForm, yours: ProfileForm, theirs: ProfileForm): ConflictRow[] {
  return fields.flatMap((f) => {
    const [b, y, th] = [base[f.key] ?? "", yours[f.key] ?? "", theirs[f.key] ?? ""];
    const youChanged = !same(f.kind, b, y);
    const theyChanged = !same(f.kind, b, th);
    if (same(f.kind, y, th) || (!youChanged && !theyChanged)) return [];
    return [{ key: f.key, theirs: th, yours: y, youChanged, theyChanged }];
  });
}

/** The editor's changes on top of the saved version: their values wherever the editor changed nothing. */
export function rebase<P>(fields: readonly FieldSpec<P>[], base: ProfileForm, yours: ProfileForm, theirs: ProfileForm): ProfileForm {
  return Object.fromEntries(
    fields.map((f) => {
      const y = yours[f.key] ?? "";
      return [f.key, same(f.kind, base[f.key] ?? "", y) ? (theirs[f.key] ?? "") : y];
    }),
  );
}
