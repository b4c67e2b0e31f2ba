// The programme dashboard (#/tableau-de-bord) and a project's status page
// (#/tableau-de-bord/projets/{slug}): read-only views for everyone signed in, kept live.

import { useMemo, useState } from "preact/hooks";
import { DashboardFilters, filterSummary } from "../dashboard/DashboardFilters";
import { DashboardHead, PrintButton, useIsPartner } from "../dashboard/DashboardHead";
import { ProgrammeBody } from "../dashboard/ProgrammeBody";
import { ProjectStatusBody } from "../dashboard/ProjectStatusBody";
import { type DashboardFilter, NO_DASHBOARD_FILTER } from "../dashboard/filters";
import { milestoneRows } from "../dashboard/milestones";
import { useProgrammeDashboard, useProjectStatus } from "../dashboard/useDashboards";
import { calendarDate } from "../format";
import { useT } from "../i18n";
import { dashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";
import { projectHref, routeHref } from "../router";
import "../dashboard/dashboard.css";

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
      <DashboardFilters filter={filter} dashboard={dashboard} />
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
