// The workspace of one joint project (#/projets/{slug}): header (name, status, partners by
// region, who is here, what is saved; the connection is in the app header), then the live plan, the activity feed and the team.

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useSession } from "../auth/session";
import { useT } from "../i18n";
import { useLanguage, useMessages } from "../i18n/language";
import { projectMessages, type ProjectMessages } from "../i18n/project";
import { liveClient } from "../live/liveClient";
import { canEditPlan } from "../project/access";
import { PlanEditor } from "../project/PlanEditor";
import { PresenceBar } from "../project/Presence";
import { ProjectStore, type JointProject, type ProjectLoad } from "../project/projectApi";
import { DAKAR, OUJDA, zonedTime } from "../project/time";
import { usePlanWorkspace, type PlanWorkspace } from "../project/usePlanWorkspace";
import { VersionsPanel } from "../project/VersionsPanel";
import { Settings } from "../project/Settings";
import { isProjectOwner, Team } from "../project/Team";
import { routeHref } from "../router";
import "../project/project.css";

type Tab = "plan" | "versions" | "activity" | "members" | "settings";
const TABS: readonly Tab[] = ["plan", "versions", "activity", "members"];
/** Owners also have the project's settings. */
const OWNER_TABS: readonly Tab[] = [...TABS, "settings"];

export function ProjectPage({ slug }: { slug: string }) {
  const t = useMessages(projectMessages);
  const common = useT();
  const live = liveClient();
  const store = useMemo(() => new ProjectStore(slug, live), [slug, live]);
  const [load, setLoad] = useState<ProjectLoad>(store.current);
  useEffect(() => store.listen(setLoad), [store]);
  const session = useSession();
  const workspace = usePlanWorkspace(slug, live);
  const [tab, setTab] = useState<Tab>("plan");

  const title = load.state === "loaded" ? load.project.charter.title : null;
  useEffect(() => {
    if (title !== null) document.title = t.pageTitle(title);
  }, [title, t]);

  if (load.state === "loading") {
    return (
      <p class="page-loading" role="status">
        {t.loading}
      </p>
    );
  }
  if (load.state === "error") {
    return (
      <div class="panel" role="alert">
        <h2 id="page-title">{load.reason === "not-found" ? t.notFound : load.reason === "forbidden" ? t.forbidden : t.loadError}</h2>
        <p class="actions">
          {load.reason === "failed" && (
            <button type="button" class="button" onClick={() => store.reload()}>
              {t.retry}
            </button>
          )}
          <a class="button" href={routeHref({ name: "home" })}>
            {t.backHome}
          </a>
        </p>
      </div>
    );
  }

  const project = load.project;
  const user = session.status === "signedIn" ? session.user : null;
  // The server refuses the ops of those who may not edit; the page says so before they try.
  const readOnly = user === null || !canEditPlan(user, project) || workspace.connection === "failed" || load.deleted;
  const owner = user !== null && isProjectOwner(user, project);

  return (
    <div class="workspace">
      <header class="workspace__head">
        <div class="workspace__title">
          <h2 id="page-title">{project.charter.title}</h2>
          <span class={`status status--${project.status}`}>
            <span class="visually-hidden">{t.statusLabel} : </span>
            {common.status[project.status]}
          </span>
        </div>
        {project.charter.summary !== "" && <p class="workspace__summary">{project.charter.summary}</p>}
        <Partners project={project} t={t} />
        <div class="workspace__live">
          <SyncState workspace={workspace} t={t} />
        </div>
        <PresenceBar others={workspace.others} view={workspace.view} />
      </header>

      <Notice workspace={workspace} t={t} />

      <Tabs tabs={owner ? OWNER_TABS : TABS} tab={tab} onTab={setTab} t={t} />
      <div class="workspace__panel" role="tabpanel" id="panel-plan" aria-labelledby="tab-plan" hidden={tab !== "plan"}>
        <PlanEditor workspace={workspace} readOnly={readOnly} slug={slug} />
      </div>
      <div class="workspace__panel" role="tabpanel" id="panel-versions" aria-labelledby="tab-versions" hidden={tab !== "versions"}>
        {tab === "versions" && <VersionsPanel slug={slug} canEdit={!readOnly} />}
      </div>
      <div class="workspace__panel" role="tabpanel" id="panel-activity" aria-labelledby="tab-activity" hidden={tab !== "activity"}>
        <Activity project={project} t={t} />
      </div>
      <div class="workspace__panel" role="tabpanel" id="panel-members" aria-labelledby="tab-members" hidden={tab !== "members"}>
        {tab === "members" && user !== null && <Team project={project} user={user} />}
      </div>
      {owner && (
        <div class="workspace__panel" role="tabpanel" id="panel-settings" aria-labelledby="tab-settings" hidden={tab !== "settings"}>
          {tab === "settings" && <Settings project={project} />}
        </div>
      )}
    </div>
  );
}

function Partners({ project, t }: { project: JointProject; t: ProjectMessages }) {
  if (project.partners.length === 0) return <p class="muted">{t.noPartners}</p>;
  return (
    <dl class="partners" aria-label={t.partners}>
      {(["kaolack", "oriental"] as const).map((region) => {
        const partners = project.partners.filter((p) => p.region === region);
        if (partners.length === 0) return null;
        return (
          <div key={region} class={`partners__region partners__region--${region}`}>
            <dt>
              <span class={`region region--${region}`}>{t.regions[region]}</span>
            </dt>
            {partners.map((p) => (
              <dd key={`${p.kind}/${p.slug}`}>{p.name}</dd>
            ))}
          </div>
        );
      })}
    </dl>
  );
}

function SyncState({ workspace, t }: { workspace: PlanWorkspace; t: ProjectMessages }) {
  const text =
    workspace.connection === "offline" && workspace.pending > 0
      ? t.connection.offlineKept
      : workspace.pending > 0
        ? t.connection.pending(workspace.pending)
        : workspace.connection === "syncing"
          ? t.connection.syncing
          : workspace.connection === "live"
            ? t.connection.saved
            : "";
  return (
    <span class={`sync${workspace.pending > 0 ? " sync--pending" : ""}`} role="status" aria-live="polite" data-pending={workspace.pending}>
      {text}
    </span>
  );
}

function Notice({ workspace, t }: { workspace: PlanWorkspace; t: ProjectMessages }) {
  const kind = workspace.notice;
  if (kind === null) return null;
  const text = kind === "forbidden" ? t.plan.refused : t.plan[kind];
  const serious = kind === "taken" || kind === "forbidden" || kind === "storage";
  return (
    <div class={`note ${serious ? "note--warn" : "note--info"} workspace__notice`} role={serious ? "alert" : "status"}>
      <p>{text}</p>
      {kind === "taken" ? (
        <button type="button" class="button" onClick={() => location.reload()}>
          {t.plan.reload}
        </button>
      ) : (
        <button type="button" class="note__close" aria-label={t.plan.dismiss} onClick={workspace.dismissNotice}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}

/** Tabs (WAI-ARIA pattern): arrows move between them, the panels stay mounted so nothing typed is lost. */
function Tabs({ tabs, tab, onTab, t }: { tabs: readonly Tab[]; tab: Tab; onTab: (tab: Tab) => void; t: ProjectMessages }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0 && event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    const index = tabs.indexOf(tab);
    const next = event.key === "Home" ? 0 : event.key === "End" ? tabs.length - 1 : (index + step + tabs.length) % tabs.length;
    onTab(tabs[next]!);
    list.current?.querySelector<HTMLButtonElement>(`#tab-${tabs[next]!}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t.tabsLabel} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={`tab-${name}`}
          class="tabs__tab"
          aria-selected={tab === name}
          aria-controls={`panel-${name}`}
          tabIndex={tab === name ? 0 : -1}
          onClick={() => onTab(name)}
        >
          {t.tabs[name]}
        </button>
      ))}
    </div>
  );
}

function Activity({ project, t }: { project: JointProject; t: ProjectMessages }) {
  const language = useLanguage();
  const entries = [...project.activity].reverse();
  return (
    <section class="activity" aria-labelledby="activity-title">
      <h3 id="activity-title" class="plan__title">
        {t.activity.title}
      </h3>
      {entries.length === 0 ? (
        <p class="muted">{t.activity.empty}</p>
      ) : (
        <ol class="activity__list">
          {entries.map((entry) => (
            <li key={`${entry.version}-${entry.kind}`} class="activity__item">
              <p>{entry.text}</p>
              <p class="activity__time">
                <time dateTime={entry.at}>{t.activity.at(zonedTime(entry.at, DAKAR, language), zonedTime(entry.at, OUJDA, language))}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
