// Every project the reader may see, one row each: status, regions, milestones, tasks, money, last activity.

import { calendarDate } from "../format";
import { useT } from "../i18n";
import { dashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";
import { routeHref } from "../router";
import { formatNumber, receivedOfExpected } from "./format";
import type { ProjectSummary } from "./types";

export function ProjectsTable({ rows }: { readonly rows: readonly ProjectSummary[] }) {
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
