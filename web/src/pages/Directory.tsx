import { useEffect, useMemo } from "preact/hooks";
import { DirectorySection } from "../components/DirectorySection";
import { ChoiceFilter, RegionFilter } from "../components/FilterControls";
import {
  apiQuery,
  DIRECTORIES,
  isFiltered,
  NO_FILTER,
  showsList,
  valueChainChoices,
  withKind,
  type DirectoryFilter,
} from "../directory/filters";
import { useDirectory, useTick } from "../hooks";
import { useT, valueChainLabel } from "../i18n";
import { DirectoryStore } from "../live/directoryStore";
import { liveClient } from "../live/liveClient";
import { navigate, routeHref } from "../router";
import type { DirectoryName } from "../types";
import { LEGAL_FORM_VALUES, ORGANISATION_KIND_VALUES, PROJECT_STATUS_VALUES } from "../wire/contract";

/** Filters live in the address: every change replaces it, so a filtered list is a link to share. */
function apply(filter: DirectoryFilter): void {
  navigate({ name: "home", filter }, { replace: true });
}

/** The directory: the live lists of every kind, searched and filtered. Only rendered for a signed-in user. */
export function DirectoryPage({ filter = NO_FILTER }: { readonly filter?: DirectoryFilter | undefined }) {
  const t = useT();
  const client = liveClient();
  // New stores on each visit: after a change of user, nothing from the previous one is shown.
  const stores = useMemo(
    () => new Map(DIRECTORIES.map((name) => [name, new DirectoryStore(name, client)] as const)),
    [client],
  );
  const now = useTick(30_000);
  const shown = DIRECTORIES.filter((name) => showsList(name, filter));
  const set = (patch: Partial<DirectoryFilter>) => apply({ ...filter, ...patch });

  // The value chains to choose from: those of the entries known (the whole directory once live).
  const views = DIRECTORIES.map((name) => useDirectory(stores.get(name)!));
  const chains = useMemo(
    () => valueChainChoices(views.flatMap((v) => v.list.entries), filter.valueChain),
    [...views.map((v) => v.list.entries), filter.valueChain],
  );

  useEffect(() => {
    for (const name of DIRECTORIES) stores.get(name)!.setQuery(apiQuery(name, filter));
  }, [stores, filter]);

  return (
    <>
      <h2 class="visually-hidden" id="page-title">
        {t.directory.title}
      </h2>
      <nav class="create-links" aria-label={t.pages.createLabel}>
        <a class="button" href={routeHref({ name: "newCooperative" })}>+ {t.pages.newCooperative}</a>
        <a class="button" href={routeHref({ name: "newDiasporaGroup" })}>+ {t.pages.newDiasporaGroup}</a>
        <a class="button" href={routeHref({ name: "newProject" })}>+ {t.pages.newProject}</a>
      </nav>
      <div class="toolbar" role="search" aria-label={t.directory.filtersLabel}>
        <div class="toolbar__row">
          <label class="search">
            <span class="visually-hidden">{t.filters.searchLabel}</span>
            <svg class="icon search__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path
                fill="currentColor"
                d="M7 1.5a5.5 5.5 0 0 1 4.4 8.8l3.2 3.1a.8.8 0 0 1-1.1 1.1l-3.1-3.2A5.5 5.5 0 1 1 7 1.5Zm0 1.6a3.9 3.9 0 1 0 0 7.8 3.9 3.9 0 0 0 0-7.8Z"
              />
            </svg>
            <input
              id="directory-search"
              type="search"
              value={filter.text}
              placeholder={t.filters.searchPlaceholder}
              onInput={(e) => set({ text: e.currentTarget.value })}
            />
          </label>
        </div>
        <div class="toolbar__row">
          <div class="segmented" role="group" aria-label={t.directory.kindLabel}>
            <button type="button" aria-pressed={filter.kind === null} onClick={() => apply(withKind(filter, null))}>
              {t.directory.kinds.all}
            </button>
            {DIRECTORIES.map((name) => (
              <button key={name} type="button" aria-pressed={filter.kind === name} onClick={() => apply(withKind(filter, name))}>
                {t.directory.kinds[name]}
              </button>
            ))}
          </div>
          <RegionFilter label={t.filters.regionLabel} allLabel={t.filters.allRegions} value={filter.region} onChange={(region) => set({ region })} />
        </div>
        <div class="toolbar__row toolbar__selects">
          <ChoiceFilter
            id="directory-value-chain"
            label={t.directory.valueChainLabel}
            anyLabel={t.directory.anyValueChain}
            value={filter.valueChain}
            choices={chains}
            text={(chain) => valueChainLabel(chain, t)}
            onChange={(valueChain) => set({ valueChain })}
          />
          {filter.kind === "cooperatives" && (
            <ChoiceFilter
              id="directory-legal-form"
              label={t.directory.legalFormLabel}
              anyLabel={t.directory.anyLegalForm}
              value={filter.legalForm}
              choices={LEGAL_FORM_VALUES}
              text={(form) => t.legalForms[form]}
              onChange={(legalForm) => set({ legalForm })}
            />
          )}
          {filter.kind === "organisations" && (
            <ChoiceFilter
              id="directory-organisation-kind"
              label={t.directory.organisationKindLabel}
              anyLabel={t.directory.anyOrganisationKind}
              value={filter.organisationKind}
              choices={ORGANISATION_KIND_VALUES}
              text={(kind) => t.organisationKinds[kind]}
              onChange={(organisationKind) => set({ organisationKind })}
            />
          )}
          {filter.kind === "projects" && (
            <ChoiceFilter
              id="directory-status"
              label={t.directory.statusLabel}
              anyLabel={t.directory.anyStatus}
              value={filter.status}
              choices={PROJECT_STATUS_VALUES}
              text={(status) => t.status[status]}
              onChange={(status) => set({ status })}
            />
          )}
          {isFiltered(filter) && (
            <button type="button" class="button button--quiet" onClick={() => apply({ ...NO_FILTER, kind: filter.kind })}>
              {t.directory.clearFilters}
            </button>
          )}
        </div>
      </div>

      <div class={`columns columns--${shown.length}`}>
        {shown.map((name: DirectoryName) => (
          <DirectorySection key={name} name={name} store={stores.get(name)!} filter={filter} now={now} />
        ))}
      </div>
    </>
  );
}
