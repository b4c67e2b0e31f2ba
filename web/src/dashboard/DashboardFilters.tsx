// The programme dashboard's filters (kept in the address, so a filtered dashboard is a link to share), and the
// same filters in words.

import { useMemo } from "preact/hooks";
import { valueChainChoices } from "../directory/filters";
import { type Messages, useT, valueChainLabel } from "../i18n";
import { dashboardMessages, type DashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";
import { navigate } from "../router";
import type { Language, ProjectStatus } from "../types";
import { PROJECT_STATUS_VALUES, REGION_VALUES } from "../wire/contract";
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
        <div class="segmented" role="group" aria-label={d.filters.region}>
          <button type="button" aria-pressed={filter.region === null} onClick={() => apply({ region: null })}>
            {d.filters.allRegions}
          </button>
          {REGION_VALUES.map((r) => (
            <button key={r} type="button" class={`seg--${r}`} aria-pressed={filter.region === r} onClick={() => apply({ region: r })}>
              {t.regions[r]}
            </button>
          ))}
        </div>
        <label class="select">
          <span class="select__label">{d.filters.status}</span>
          <select id="dashboard-status" value={filter.status ?? ""} onChange={(e) => apply({ status: (e.currentTarget.value || null) as ProjectStatus | null })}>
            <option value="">{d.filters.anyStatus}</option>
            {PROJECT_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </label>
        <label class="select">
          <span class="select__label">{d.filters.valueChain}</span>
          <select id="dashboard-value-chain" value={filter.valueChain ?? ""} onChange={(e) => apply({ valueChain: e.currentTarget.value || null })}>
            <option value="">{d.filters.anyValueChain}</option>
            {chains.map((chain) => (
              <option key={chain} value={chain}>
                {valueChainLabel(chain, t)}
              </option>
            ))}
          </select>
        </label>
        <label class="select">
          <span class="select__label">{d.filters.period}</span>
          <select id="dashboard-period" value={filter.period ?? ""} onChange={(e) => apply({ period: e.currentTarget.value || null })}>
            <option value="">{d.filters.anyPeriod}</option>
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p, d, language)}
              </option>
            ))}
          </select>
        </label>
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
