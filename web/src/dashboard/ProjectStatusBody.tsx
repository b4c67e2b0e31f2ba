// A project's status page once loaded: its headline numbers, milestones and partners.

import { calendarDate, timeInBothZones } from "../format";
import { useTick } from "../hooks";
import { dashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";
import { Kpi, MoneyKpi } from "./Kpi";
import { MilestonesCard, PartnersCard } from "./ProjectCards";
import { formatNumber } from "./format";
import type { MilestoneRow } from "./milestones";
import { percent } from "./tables";
import type { ProjectSummary } from "./types";

export function ProjectStatusBody({ summary: p, milestones }: { readonly summary: ProjectSummary; readonly milestones: readonly MilestoneRow[] | null }) {
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const now = useTick(30_000);
  const n = (value: number) => formatNumber(value, language);
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
        <MilestonesCard milestones={milestones} />
        <PartnersCard summary={p} />
      </div>
    </>
  );
}
