// The programme dashboard once loaded: headline numbers, charts each with the table of its numbers, every project,
// and the exports of what is shown.

import { useMemo } from "preact/hooks";
import { shortDate } from "../format";
import { useT } from "../i18n";
import { dashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";
import type { ProjectStatus } from "../types";
import { PROJECT_STATUS_VALUES } from "../wire/contract";
import { ChartView } from "./ChartView";
import { PrintButton } from "./DashboardHead";
import { Kpi, MoneyKpi } from "./Kpi";
import { MoneyCard } from "./MoneyCard";
import { ProjectsTable } from "./ProjectsTable";
import { type DashboardFilter, exportHref } from "./filters";
import { formatNumber } from "./format";
import { engagementTable, percent, PROGRESS_DAYS, progressTable, statusTable } from "./tables";
import type { ProgrammeDashboard } from "./types";

const STATUS_COLOURS: Readonly<Record<ProjectStatus, string>> = {
  proposed: "#6366f1",
  active: "#15803d",
  "at-risk": "#c2410c",
  completed: "#0369a1",
  cancelled: "#9ca3af",
};

export function ProgrammeBody({ dashboard, filter }: { readonly dashboard: ProgrammeDashboard; readonly filter: DashboardFilter }) {
  const t = useT();
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const i = dashboard.indicators;
  const count = (status: ProjectStatus) => i.byStatus.find((s) => s.status === status)?.count ?? 0;
  const status = useMemo(() => statusTable(i, t.status, d.charts.status.column), [i, t, d]);
  const engagement = useMemo(() => engagementTable(i, t.regions, d.charts.engagement), [i, t, d]);
  const progress = useMemo(() => progressTable(dashboard.series, (day) => shortDate(day, language), d.charts.progress), [dashboard.series, d, language]);
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
        <MoneyCard indicators={i} />
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
          <a class="button" id="export-projects" href={exportHref("projects", filter, language)} download>
            {d.exports.projectsCsv}
          </a>
          <a class="button" id="export-indicators" href={exportHref("indicators", filter, language)} download>
            {d.exports.indicatorsCsv}
          </a>
          <PrintButton label={d.exports.print} />
        </div>
      </section>
    </>
  );
}
