// The cards of a project's status page: its milestones, and its partners with their value chains.

import { calendarDate } from "../format";
import { useT, valueChainLabel } from "../i18n";
import { dashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";
import { routeHref } from "../router";
import type { Region } from "../types";
import { REGION_VALUES } from "../wire/contract";
import type { MilestoneRow } from "./milestones";
import type { ProjectSummary } from "./types";

/** A project's milestones with their due dates and state (done, on track, late); null while the plan loads. */
export function MilestonesCard({ milestones }: { readonly milestones: readonly MilestoneRow[] | null }) {
  const t = useT();
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  return (
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
  );
}

/** A project's partners by region, and its value chains. */
export function PartnersCard({ summary: p }: { readonly summary: ProjectSummary }) {
  const t = useT();
  const d = useMessages(dashboardMessages);
  const byRegion = (region: Region) => p.partners.filter((x) => x.region === region);
  return (
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
  );
}
