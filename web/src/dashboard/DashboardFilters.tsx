// The programme dashboard's filters (kept in the address, so a filtered dashboard is a link to share), and the
// same filters in words.

import { useMemo } from "preact/hooks";
import { ChoiceFilter, RegionFilter } from "../components/FilterControls";
import { valueChainChoices } from "../directory/filters";
import { type Messages, useT, valueChainLabel } from "../i18n";
import { dashboardMessages, type DashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";
import { navigate } from "../router";
import type { Language } from "../types";
import { PROJECT_STATUS_VALUES } from "../wire/contract";
import { type DashboardFilter, isDashboardFiltered, periodChoices, periodParts } from "./filters";
import type { ProgrammeDashboard } from "./types";

function periodLabel(period: string, d: DashboardMessages, language: Language): string {
  const parts = periodParts(period);
  if (parts === null) return period;
  if (parts.quarter !== null) return d.filters.quarter(parts.quarter, parts.year);
  if (parts.month !== null) {
    return new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(parts.year, parts.month - 1, 1));
  }
  return String(parts.year);
}

export function DashboardFilters({ filter, dashboard }: { readonly filter: DashboardFilter; readonly dashboard: ProgrammeDashboard | null }) {
  const t = useT();
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const apply = (patch: Partial<DashboardFilter>) => navigate({ name: "dashboard", filter: { ...filter, ...patch } }, { replace: true });
  const chains = useMemo(() => valueChainChoices(dashboard?.projects ?? [], filter.valueChain), [dashboard?.projects, filter.valueChain]);
  const periods = periodChoices(dashboard?.asOf ?? new Date().toISOString().slice(0, 10), filter.period);
  return (
    <div class="toolbar dash-filters" role="search" aria-label={d.filters.label}>
      <div class="toolbar__row toolbar__selects">
        <RegionFilter label={d.filters.region} allLabel={d.filters.allRegions} value={filter.region} onChange={(region) => apply({ region })} />
        <ChoiceFilter
          id="dashboard-status"
          label={d.filters.status}
          anyLabel={d.filters.anyStatus}
          value={filter.status}
          choices={PROJECT_STATUS_VALUES}
          text={(s) => t.status[s]}
          onChange={(status) => apply({ status })}
        />
        <ChoiceFilter
          id="dashboard-value-chain"
          label={d.filters.valueChain}
          anyLabel={d.filters.anyValueChain}
          value={filter.valueChain}
          choices={chains}
          text={(chain) => valueChainLabel(chain, t)}
          onChange={(valueChain) => apply({ valueChain })}
        />
        <ChoiceFilter
          id="dashboard-period"
          label={d.filters.period}
          anyLabel={d.filters.anyPeriod}
          value={filter.period}
          choices={periods}
          text={(p) => periodLabel(p, d, language)}
          onChange={(period) => apply({ period })}
        />
        {isDashboardFiltered(filter) && (
          <button type="button" class="button button--quiet" onClick={() => navigate({ name: "dashboard" }, { replace: true })}>
            {d.filters.clear}
          </button>
        )}
      </div>
    </div>
  );
}

/** The active filters in words: on screen under the filters, and the only trace of them on paper. */
export function filterSummary(filter: DashboardFilter, t: Messages, d: DashboardMessages, language: Language): string {
  return [
    filter.region === null ? null : t.regions[filter.region],
    filter.status === null ? null : t.status[filter.status],
    filter.valueChain === null ? null : valueChainLabel(filter.valueChain, t),
    filter.period === null ? null : periodLabel(filter.period, d, language),
  ]
    .filter((s) => s !== null)
    .join(" · ");
}
