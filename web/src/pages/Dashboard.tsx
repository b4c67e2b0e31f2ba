// The programme dashboard (#/tableau-de-bord) and a project's status page
// (#/tableau-de-bord/projets/{slug}): read-only views for everyone signed in, kept live.

import type { ComponentChildren } from "preact";
import { useMemo, useState } from "preact/hooks";
import { useSession } from "../auth/session";
import { ChartView } from "../dashboard/ChartView";
import "../dashboard/dashboard.css";
import {
  exportHref,
  isDashboardFiltered,
  NO_DASHBOARD_FILTER,
  periodChoices,
  periodParts,
  type DashboardFilter,
} from "../dashboard/filters";
import { formatMoney, formatNumber, receivedOfExpected } from "../dashboard/format";
import { milestoneRows } from "../dashboard/milestones";
import { engagementTable, moneyLines, moneyTable, percent, progressTable, PROGRESS_DAYS, statusTable } from "../dashboard/tables";
import type { MoneyProgress, ProgrammeDashboard, ProjectSummary } from "../dashboard/types";
import { useProgrammeDashboard, useProjectStatus } from "../dashboard/useDashboards";
import { valueChainChoices } from "../directory/filters";
import { calendarDate, shortDate, timeInBothZones } from "../format";
import { useTick } from "../hooks";
import { useT, valueChainLabel, type Messages } from "../i18n";
import { dashboardMessages, type DashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";
import { navigate, projectHref, routeHref } from "../router";
import type { Language, ProjectStatus, Region } from "../types";
import { PROJECT_STATUS_VALUES, REGION_VALUES } from "../wire/contract";

const STATUS_COLOURS: Readonly<Record<ProjectStatus, string>> = {
  proposed: "#6366f1",
  active: "#15803d",
  "at-risk": "#c2410c",
  completed: "#0369a1",
  cancelled: "#9ca3af",
};

function useIsPartner(): boolean {
  const state = useSession();
  return state.status === "signedIn" && state.user.roles.includes("partner");
}

function periodLabel(period: string, d: DashboardMessages, language: Language): string {
  const parts = periodParts(period);
  if (parts === null) return period;
  if (parts.quarter !== null) return d.filters.quarter(parts.quarter, parts.year);
  if (parts.month !== null) {
    return new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(parts.year, parts.month - 1, 1));
  }
  return String(parts.year);
}

function PrintButton({ label }: { readonly label: string }) {
  return (
    <button type="button" class="button dash-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}

function Kpi(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly detail?: string | undefined;
  /** Shown in the alarm colour (late milestones). */
  readonly alert?: boolean;
}) {
  const { id, label, value, detail } = props;
  return (
    <div class={props.alert ? "dash-kpi dash-kpi--alert" : "dash-kpi"} id={id}>
      <dt>{label}</dt>
      <dd>
        <span class="dash-kpi__value">{value}</span>
        {detail !== undefined && <span class="dash-kpi__detail">{detail}</span>}
      </dd>
    </div>
  );
}

/** "12 %" of the first currency with an amount expected, the detail listing every currency. */
function MoneyKpi(props: { readonly id: string; readonly label: string; readonly lines: readonly MoneyProgress[]; readonly extra?: string }) {
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const expected = props.lines.filter((l) => l.expected > 0);
  const main = expected[0];
  const detail = [expected.length > 0 ? receivedOfExpected(expected, language) : d.kpis.noAmount, props.extra].filter((s) => s !== undefined).join(" · ");
  return <Kpi id={props.id} label={props.label} value={main === undefined ? "—" : `${percent(main.received, main.expected)} %`} detail={detail} />;
}

function Filters({ filter, dashboard }: { readonly filter: DashboardFilter; readonly dashboard: ProgrammeDashboard | null }) {
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
function filterSummary(filter: DashboardFilter, t: Messages, d: DashboardMessages, language: Language): string {
  return [
    filter.region === null ? null : t.regions[filter.region],
    filter.status === null ? null : t.status[filter.status],
    filter.valueChain === null ? null : valueChainLabel(filter.valueChain, t),
    filter.period === null ? null : periodLabel(filter.period, d, language),
  ]
    .filter((s) => s !== null)
    .join(" · ");
}

function ProjectsTable({ rows }: { readonly rows: readonly ProjectSummary[] }) {
  const t = useT();
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  if (rows.length === 0) return <p class="muted">{d.projects.empty}</p>;
  return (
    <div class="dash-table-wide" tabIndex={0} role="region" aria-labelledby="dashboard-projects-title">
      <table class="dash-table dash-projects" id="dashboard-projects">
        <caption>{d.projects.caption(rows.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{d.projects.project}</th>
            <th scope="col">{d.projects.status}</th>
            <th scope="col">{d.projects.regions}</th>
            <th scope="col">{d.projects.milestones}</th>
            <th scope="col">{d.projects.late}</th>
            <th scope="col">{d.projects.tasks}</th>
            <th scope="col">{d.projects.nextMilestone}</th>
            <th scope="col">{d.projects.budget}</th>
            <th scope="col">{d.projects.lastActivity}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.slug} data-slug={p.slug}>
              <th scope="row">
                <a href={routeHref({ name: "projectStatus", slug: p.slug })}>{p.title}</a>
              </th>
              <td>
                <span class={`status status--${p.status}`}>{t.status[p.status]}</span>
              </td>
              <td>{d.projects.partners(p.kaolackPartners, p.orientalPartners)}</td>
              <td data-cell="milestones">{`${n(p.milestones.done)} / ${n(p.milestones.total)}`}</td>
              <td data-cell="late" class={p.milestones.late > 0 ? "dash-late" : undefined}>
                {n(p.milestones.late)}
              </td>
              <td data-cell="tasks">{`${n(p.tasks.done)} / ${n(p.tasks.total)}`}</td>
              <td>
                {p.nextMilestone === null
                  ? d.projects.none
                  : p.nextMilestone.dueDate === null
                    ? p.nextMilestone.title
                    : d.projects.due(p.nextMilestone.title, calendarDate(p.nextMilestone.dueDate, language))}
              </td>
              <td>{p.budget.length === 0 ? d.projects.none : receivedOfExpected(p.budget, language)}</td>
              <td>{p.lastActivityAt === null ? d.projects.none : calendarDate(p.lastActivityAt, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProgrammeBody({ dashboard, filter }: { readonly dashboard: ProgrammeDashboard; readonly filter: DashboardFilter }) {
  const t = useT();
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const i = dashboard.indicators;
  const count = (status: ProjectStatus) => i.byStatus.find((s) => s.status === status)?.count ?? 0;
  const status = useMemo(() => statusTable(i, t.status, d.charts.status.column), [i, t, d]);
  const engagement = useMemo(() => engagementTable(i, t.regions, d.charts.engagement), [i, t, d]);
  const progress = useMemo(() => progressTable(dashboard.series, (day) => shortDate(day, language), d.charts.progress), [dashboard.series, d, language]);
  const money = useMemo(() => moneyLines(i.budget, i.pledges), [i]);
  const moneyChart = useMemo(() => moneyTable(money, { budget: d.charts.money.budgetPercent, pledges: d.charts.money.pledgesPercent }), [money, d]);
  const engagedTotal = (key: "cooperatives" | "diasporaGroups") => i.engaged.reduce((sum, e) => sum + e[key], 0);
  return (
    <>
      <dl class="dash-kpis" aria-label={d.kpis.label}>
        <Kpi id="kpi-projects" label={d.kpis.projects} value={n(i.projects)} detail={d.kpis.projectsDetail(count("active"), count("at-risk"))} />
        <Kpi id="kpi-late" label={d.kpis.lateMilestones} value={n(i.milestones.late)} detail={d.kpis.lateDetail(i.milestones.total)} alert={i.milestones.late > 0} />
        <Kpi
          id="kpi-tasks"
          label={d.kpis.tasks}
          value={`${percent(i.tasks.done, i.tasks.total)} %`}
          detail={d.kpis.tasksDetail(i.tasks.done, i.tasks.total)}
        />
        <MoneyKpi id="kpi-budget" label={d.kpis.budget} lines={i.budget} />
        <MoneyKpi id="kpi-pledges" label={d.kpis.pledges} lines={i.pledges} extra={d.kpis.inKind(i.pledgesInKind.received, i.pledgesInKind.total)} />
        <Kpi
          id="kpi-engaged"
          label={d.kpis.engaged}
          value={n(engagedTotal("cooperatives") + engagedTotal("diasporaGroups"))}
          detail={d.kpis.engagedDetail(engagedTotal("cooperatives"), engagedTotal("diasporaGroups"))}
        />
      </dl>

      <div class="dash-grid">
        <ChartView
          id="chart-status"
          title={d.charts.status.title}
          rowHeader={d.charts.status.rowHeader}
          table={status}
          kind="doughnut"
          rowColours={PROJECT_STATUS_VALUES.map((s) => STATUS_COLOURS[s])}
          formatValue={n}
        />
        <ChartView
          id="chart-engagement"
          title={d.charts.engagement.title}
          rowHeader={d.charts.engagement.rowHeader}
          table={engagement}
          kind="bar"
          formatValue={n}
        />
        <ChartView
          id="chart-progress"
          title={d.charts.progress.title}
          caption={d.charts.progress.caption(Math.min(PROGRESS_DAYS, progress.rows.length))}
          rowHeader={d.charts.progress.rowHeader}
          table={progress}
          kind="line"
          formatValue={n}
          empty={d.charts.progress.empty}
          scrollTable
        />
        <section class="dash-card" aria-labelledby="chart-money-title" id="chart-money">
          <h3 id="chart-money-title" class="dash-card__title">
            {d.charts.money.title}
          </h3>
          {money.length === 0 ? (
            <p class="muted">{d.charts.money.empty}</p>
          ) : (
            <>
              <ChartView
                id="chart-money-percent"
                title={d.charts.money.percentTitle}
                caption={d.charts.money.caption}
                rowHeader={d.charts.money.rowHeader}
                table={moneyChart}
                kind="percent"
                formatValue={(v) => `${n(v)} %`}
              />
              <div class="dash-table-scroll" tabIndex={0} role="region" aria-label={d.charts.money.amountsCaption}>
              <table class="dash-table" id="money-amounts">
                <caption>{d.charts.money.amountsCaption}</caption>
                <thead>
                  <tr>
                    <td />
                    {money.map((l) => (
                      <th key={l.currency} scope="col">
                        {l.currency}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {(["budget", "received", "pledged", "pledgesReceived"] as const).map((key) => (
                    <tr key={key}>
                      <th scope="row">{d.charts.money[key]}</th>
                      {money.map((l) => (
                        <td key={l.currency}>{formatMoney(l[key], l.currency, language)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
            </>
          )}
        </section>
      </div>

      <section class="dash-section" aria-labelledby="dashboard-projects-title">
        <h3 id="dashboard-projects-title" class="dash-section__title">
          {d.projects.title}
        </h3>
        <ProjectsTable rows={dashboard.projects} />
      </section>

      <section class="dash-section dash-exports" aria-labelledby="dashboard-exports-title">
        <h3 id="dashboard-exports-title" class="dash-section__title">
          {d.exports.title}
        </h3>
        <p class="muted">{d.exports.hint}</p>
        <div class="actions">
          <a class="button" id="export-projects" href={exportHref("projects", filter)} download>
            {d.exports.projectsCsv}
          </a>
          <a class="button" id="export-indicators" href={exportHref("indicators", filter)} download>
            {d.exports.indicatorsCsv}
          </a>
          <PrintButton label={d.exports.print} />
        </div>
      </section>
    </>
  );
}

/** Header of both dashboard pages: title, who reads, when the numbers last moved (in Dakar and Oujda). */
function DashboardHead(props: { readonly title: string; readonly intro?: string; readonly updatedAt: string | null; readonly asOf: string | null; readonly children?: ComponentChildren }) {
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const partner = useIsPartner();
  const now = useTick(30_000);
  return (
    <header class="dash-head">
      <div class="dash-head__text">
        {props.children}
        <h2 id="page-title">{props.title}</h2>
        {props.intro !== undefined && <p class="muted">{props.intro}</p>}
        <p class="dash-head__meta">
          {props.asOf !== null && <span>{d.asOf(calendarDate(props.asOf, language))}</span>}
          {props.updatedAt !== null && <span id="dashboard-updated">{d.updatedAt(timeInBothZones(props.updatedAt, now, language))}</span>}
        </p>
      </div>
      {partner && (
        <p class="dash-readonly" title={d.readOnlyHint}>
          <span class="dash-readonly__badge">{d.readOnly}</span>
          <span class="dash-readonly__hint">{d.readOnlyHint}</span>
        </p>
      )}
    </header>
  );
}

export function ProgrammeDashboardPage({ filter = NO_DASHBOARD_FILTER }: { readonly filter?: DashboardFilter | undefined }) {
  const t = useT();
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const [attempt, setAttempt] = useState(0);
  const { dashboard, error, updatedAt } = useProgrammeDashboard(filter, attempt);
  const summary = filterSummary(filter, t, d, language);
  return (
    <div class="dash">
      <DashboardHead title={d.title} intro={d.intro} updatedAt={updatedAt} asOf={dashboard?.asOf ?? null} />
      <Filters filter={filter} dashboard={dashboard} />
      {summary !== "" && (
        <p class="dash-filter-summary">
          <strong>{summary}</strong> — {d.filters.filteredNote}
        </p>
      )}
      {dashboard !== null ? (
        <ProgrammeBody dashboard={dashboard} filter={filter} />
      ) : error ? (
        <div class="panel notice--error" role="alert">
          <p>{d.loadError}</p>
          <button type="button" class="button" onClick={() => setAttempt((a) => a + 1)}>
            {d.retry}
          </button>
        </div>
      ) : (
        <p class="page-loading" role="status">
          {d.loading}
        </p>
      )}
      <p class="visually-hidden">{d.live}</p>
    </div>
  );
}

function ProjectStatusBody({ summary: p, milestones }: { readonly summary: ProjectSummary; readonly milestones: ReturnType<typeof milestoneRows> | null }) {
  const t = useT();
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const now = useTick(30_000);
  const n = (value: number) => formatNumber(value, language);
  const byRegion = (region: Region) => p.partners.filter((x) => x.region === region);
  return (
    <>
      <dl class="dash-kpis" aria-label={d.project.numbersCaption}>
        <Kpi id="kpi-milestones" label={d.projects.milestones} value={`${n(p.milestones.done)} / ${n(p.milestones.total)}`} detail={d.project.lateCount(n(p.milestones.late))} />
        <Kpi id="kpi-tasks" label={d.kpis.tasks} value={`${n(p.tasks.done)} / ${n(p.tasks.total)}`} detail={`${percent(p.tasks.done, p.tasks.total)} %`} />
        <MoneyKpi id="kpi-budget" label={d.kpis.budget} lines={p.budget} />
        <MoneyKpi id="kpi-pledges" label={d.kpis.pledges} lines={p.pledges} extra={d.kpis.inKind(p.pledgesInKind.received, p.pledgesInKind.total)} />
        <Kpi
          id="kpi-next"
          label={d.project.nextMilestone}
          value={p.nextMilestone?.title ?? d.project.noNextMilestone}
          detail={p.nextMilestone?.dueDate ? calendarDate(p.nextMilestone.dueDate, language) : undefined}
        />
        <Kpi
          id="kpi-activity"
          label={d.project.lastActivity}
          value={p.lastActivityAt === null ? d.project.noActivity : calendarDate(p.lastActivityAt, language)}
          detail={p.lastActivityAt === null ? undefined : timeInBothZones(p.lastActivityAt, now, language)}
        />
      </dl>

      <div class="dash-grid">
        <section class="dash-card" aria-labelledby="project-milestones-title">
          <h3 id="project-milestones-title" class="dash-card__title">
            {d.project.milestonesTitle}
          </h3>
          {milestones === null ? (
            <p class="muted">{t.nav.loading}</p>
          ) : milestones.length === 0 ? (
            <p class="muted">{d.project.noMilestones}</p>
          ) : (
            <table class="dash-table" id="project-milestones">
              <caption>{d.project.milestonesCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{d.project.milestone}</th>
                  <th scope="col">{d.project.dueDate}</th>
                  <th scope="col">{d.project.state}</th>
                </tr>
              </thead>
              <tbody>
                {milestones.map((m) => (
                  <tr key={m.id} data-id={m.id}>
                    <th scope="row">{m.title}</th>
                    <td>{m.dueDate === null ? d.project.noDueDate : calendarDate(m.dueDate, language)}</td>
                    <td>
                      <span class={`dash-state dash-state--${m.state}`}>{d.project.states[m.state]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="dash-card" aria-labelledby="project-partners-title">
          <h3 id="project-partners-title" class="dash-card__title">
            {d.project.partnersTitle}
          </h3>
          {p.partners.length === 0 ? (
            <p class="muted">{d.project.noPartners}</p>
          ) : (
            REGION_VALUES.filter((r) => byRegion(r).length > 0).map((region) => (
              <div key={region} class="dash-partners">
                <h4 class={`region region--${region}`}>{t.regions[region]}</h4>
                <ul>
                  {byRegion(region).map((x) => (
                    <li key={`${x.kind}/${x.slug}`}>
                      <a href={routeHref({ name: x.kind === "cooperative" ? "cooperative" : "diasporaGroup", slug: x.slug })}>{x.name}</a>
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
          {p.valueChains.length > 0 && (
            <>
              <h4 class="dash-card__subtitle">{d.project.valueChains}</h4>
              <ul class="chips">
                {p.valueChains.map((c) => (
                  <li key={c} class="chip">
                    {valueChainLabel(c, t)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </>
  );
}

export function ProjectStatusPage({ slug }: { readonly slug: string }) {
  const t = useT();
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const partner = useIsPartner();
  const { summary, plan, updatedAt } = useProjectStatus(slug);
  const shown = summary.kind === "shown" ? summary.summary : null;
  const milestones = useMemo(() => (plan === null || shown === null ? null : milestoneRows(plan, shown.asOf)), [plan, shown?.asOf]);
  const back = (
    <p class="dash-back">
      <a href={routeHref({ name: "dashboard" })}>← {d.project.back}</a>
    </p>
  );
  if (shown === null) {
    const message =
      summary.kind === "loading" ? d.project.loading
      : summary.kind === "forbidden" ? d.project.forbidden
      : summary.kind === "gone" ? d.project.gone
      : summary.kind === "missing" ? d.project.notFound
      : d.loadError;
    return (
      <div class="dash">
        <header class="dash-head">
          <div class="dash-head__text">
            {back}
            <h2 id="page-title">{d.project.titleFallback}</h2>
          </div>
        </header>
        <p class={summary.kind === "loading" ? "page-loading" : "panel"} role={summary.kind === "loading" ? "status" : "alert"}>
          {message}
        </p>
      </div>
    );
  }
  return (
    <div class="dash">
      <DashboardHead title={shown.title} updatedAt={updatedAt} asOf={shown.asOf}>
        {back}
      </DashboardHead>
      <div class="dash-project-meta">
        <span class={`status status--${shown.status}`}>{t.status[shown.status]}</span>
        <span>{d.regionPairs[shown.regionPair]}</span>
        {shown.startDate !== null && shown.endDate !== null && (
          <span>{d.project.period(calendarDate(shown.startDate, language), calendarDate(shown.endDate, language))}</span>
        )}
        <a class="button" href={projectHref(shown.slug)}>
          {partner ? d.project.workspaceReadOnly : d.project.workspace}
        </a>
        <PrintButton label={d.exports.print} />
      </div>
      <ProjectStatusBody summary={shown} milestones={milestones} />
    </div>
  );
}
