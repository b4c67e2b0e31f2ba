// The directory's filters: read from and written to the page address (so a filtered list can be
// shared as a link), turned into the REST query of each list, and applied to live entries with
// the server's own rules (api DirectorySearch), so the live list shows what a search would return.

import type { DirectoryQuery } from "../api";
import { normalize } from "../format";
import type { DirectoryEntry, DirectoryName, LegalForm, OrganisationKind, ProjectStatus, Region } from "../types";
import { LEGAL_FORM_VALUES, ORGANISATION_KIND_VALUES, PROJECT_STATUS_VALUES, REGION_VALUES } from "../wire/contract";

export const DIRECTORIES: readonly DirectoryName[] = ["cooperatives", "organisations", "diaspora-groups", "projects"];

export interface DirectoryFilter {
  /** One list only, or all of them (null). */
  readonly kind: DirectoryName | null;
  readonly text: string;
  readonly region: Region | null;
  readonly valueChain: string | null;
  /** Cooperatives only (null unless kind is "cooperatives"). */
  readonly legalForm: LegalForm | null;
  /** Projects only (null unless kind is "projects"). */
  readonly status: ProjectStatus | null;
  /** Organisations only (null unless kind is "organisations"). */
  readonly organisationKind: OrganisationKind | null;
}

export const NO_FILTER: DirectoryFilter = Object.freeze({
  kind: null,
  text: "",
  region: null,
  valueChain: null,
  legalForm: null,
  status: null,
  organisationKind: null,
});

/** Parameter names in the address (French, like the paths). */
const PARAM = {
  kind: "type",
  text: "q",
  region: "region",
  valueChain: "filiere",
  legalForm: "forme",
  status: "statut",
  organisationKind: "genre",
} as const;

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

const text = (value: string | null): string | null => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

/** Reads the filters of an address's query; unknown values are dropped, and filters that do not apply to the list shown. */
export function parseFilter(params: URLSearchParams): DirectoryFilter {
  const kind = oneOf(params.get(PARAM.kind), DIRECTORIES);
  return {
    kind,
    // Kept as typed (spaces included) so the search box does not fight the user.
    text: params.get(PARAM.text) ?? "",
    region: oneOf(params.get(PARAM.region), REGION_VALUES),
    valueChain: text(params.get(PARAM.valueChain)),
    legalForm: kind === "cooperatives" ? oneOf(params.get(PARAM.legalForm), LEGAL_FORM_VALUES) : null,
    status: kind === "projects" ? oneOf(params.get(PARAM.status), PROJECT_STATUS_VALUES) : null,
    organisationKind: kind === "organisations" ? oneOf(params.get(PARAM.organisationKind), ORGANISATION_KIND_VALUES) : null,
  };
}

/** The query of an address for these filters (empty for no filter), in a stable order. */
export function filterParams(filter: DirectoryFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.kind !== null) params.set(PARAM.kind, filter.kind);
  if (filter.text.trim() !== "") params.set(PARAM.text, filter.text);
  if (filter.region !== null) params.set(PARAM.region, filter.region);
  if (filter.valueChain !== null) params.set(PARAM.valueChain, filter.valueChain);
  if (filter.kind === "cooperatives" && filter.legalForm !== null) params.set(PARAM.legalForm, filter.legalForm);
  if (filter.kind === "projects" && filter.status !== null) params.set(PARAM.status, filter.status);
  if (filter.kind === "organisations" && filter.organisationKind !== null) params.set(PARAM.organisationKind, filter.organisationKind);
  return params;
}

export function isFiltered(filter: DirectoryFilter): boolean {
  return filterParams({ ...filter, kind: null }).toString() !== "";
}

/** Changing the list shown drops the filters that belonged to the other one. */
export function withKind(filter: DirectoryFilter, kind: DirectoryName | null): DirectoryFilter {
  return {
    ...filter,
    kind,
    legalForm: kind === "cooperatives" ? filter.legalForm : null,
    status: kind === "projects" ? filter.status : null,
    organisationKind: kind === "organisations" ? filter.organisationKind : null,
  };
}

/** The REST query parameters of one list (GET /api/{name}?q=&region=&valueChain=&legalForm=&status=&organisationKind=). */
export function apiQuery(name: DirectoryName, filter: DirectoryFilter): DirectoryQuery {
  const query: { -readonly [K in keyof DirectoryQuery]: DirectoryQuery[K] } = {};
  if (filter.text.trim() !== "") query.q = filter.text.trim();
  if (filter.region !== null) query.region = filter.region;
  if (filter.valueChain !== null) query.valueChain = filter.valueChain;
  if (name === "cooperatives" && filter.legalForm !== null) query.legalForm = filter.legalForm;
  if (name === "projects" && filter.status !== null) query.status = filter.status;
  if (name === "organisations" && filter.organisationKind !== null) query.organisationKind = filter.organisationKind;
  return query;
}

/** Whether a list is shown at all under these filters. */
export function showsList(name: DirectoryName, filter: DirectoryFilter): boolean {
  return filter.kind === null || filter.kind === name;
}

/** The server's search rules (DirectorySearch.Run): every word somewhere in the entry, accents and case ignored. */
export function matchesDirectoryFilter(entry: DirectoryEntry, name: DirectoryName, filter: DirectoryFilter): boolean {
  if (filter.region !== null && !entry.regions.includes(filter.region)) return false;
  if (name === "projects" && filter.status !== null && entry.status !== filter.status) return false;
  if (name === "cooperatives" && filter.legalForm !== null && entry.legalForm !== filter.legalForm) return false;
  if (name === "organisations" && filter.organisationKind !== null && entry.organisationKind !== filter.organisationKind) return false;
  if (filter.valueChain !== null) {
    const chain = normalize(filter.valueChain.trim());
    if (!entry.valueChains.some((c) => normalize(c).includes(chain))) return false;
  }
  const words = normalize(filter.text).split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) return true;
  const haystack = normalize([entry.name, entry.place, entry.summary, entry.slug, ...entry.valueChains, ...(entry.keywords ?? [])].join(" "));
  return words.every((word) => haystack.includes(word));
}

/** The value chains found in these entries (directory entries, dashboard rows…), sorted for a list of choices. */
export function valueChainChoices(entries: Iterable<{ readonly valueChains: readonly string[] }>, selected: string | null): string[] {
  const byKey = new Map<string, string>();
  // The first spelling met stands for the others ("huile d'olive", "Huile d'olive").
  for (const entry of entries) for (const chain of entry.valueChains) if (!byKey.has(normalize(chain))) byKey.set(normalize(chain), chain);
  if (selected !== null && !byKey.has(normalize(selected))) byKey.set(normalize(selected), selected);
  const collator = new Intl.Collator("fr", { sensitivity: "base" });
  return [...byKey.values()].sort(collator.compare);
}
