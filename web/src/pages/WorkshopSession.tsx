// The live workshop, made for phones on weak links: one column of parts (current item and timer first), coach
// controls only for coaches, every count in text as well as in bars. Once ended: the summary with its exports.

import { useEffect, useState } from "preact/hooks";
import { type ProblemDetails, problemMessage } from "../auth/problem";
import { useSession } from "../auth/session";
import { timeInBothZones } from "../format";
import { useT } from "../i18n";
import { useWorkshopT, type WorkshopMessages } from "../i18n/workshop";
import { PageLoading } from "../lazy";
import { routeHref } from "../router";
import { Attendance } from "../workshop/Attendance";
import { Board } from "../workshop/Board";
import { CoachBar } from "../workshop/CoachBar";
import { CurrentItem } from "../workshop/CurrentItem";
import { Hands } from "../workshop/Hands";
import { JoinCode } from "../workshop/JoinCode";
import type { PartProps } from "../workshop/Part";
import { Polls } from "../workshop/Polls";
import { Presenter } from "../workshop/Presenter";
import { Questions } from "../workshop/Questions";
import { Reactions } from "../workshop/Reactions";
import { SaveTemplate } from "../workshop/SaveTemplate";
import { SharedNotes } from "../workshop/SharedNotes";
import { Summary } from "../workshop/Summary";
import { Timer } from "../workshop/Timer";
import { useWorkshopSession } from "../workshop/useWorkshopSession";

export function WorkshopSessionPage({ id }: { readonly id: string }) {
  const t = useT();
  const w = useWorkshopT();
  const state = useSession();
  const { load, run, failure, dismissFailure, broughtBack, dismissBroughtBack } = useWorkshopSession(id);
  const [presenting, setPresenting] = useState(false);

  useEffect(() => {
    if (load.status === "loaded") document.title = t.pageTitle(load.view.details.title);
  }, [load.status === "loaded" ? load.view.details.title : null]);

  if (load.status === "loading") return <PageLoading />;
  if (load.status === "failed") return <LoadFailed problem={load.problem} w={w} />;

  const { view, offsetMs } = load;
  const roles = state.status === "signedIn" ? state.user.roles : [];
  const takesPart = state.status === "guest" || roles.some((role) => role !== "partner") || view.you.isCoach;
  const props: PartProps = { view, run, w, takesPart };
  const coach = view.you.isCoach;
  const now = Date.now();
  if (presenting) {
    return (
      <div class="workshop workshop--presenter">
        <h2 id="page-title">{view.details.title}</h2>
        <Presenter {...props} offsetMs={offsetMs} onClose={() => setPresenting(false)} />
      </div>
    );
  }
  return (
    <div class={`workshop${coach ? " workshop--coach" : ""}`}>
      <header class="panel ws-head" aria-labelledby="page-title">
        <div class="ws-head__title">
          <h2 id="page-title">{view.details.title}</h2>
          <span class={`phase phase--${view.phase}`}>{w.phases[view.phase]}</span>
        </div>
        <p class="muted">{w.session.when(timeInBothZones(view.details.startsAt, now), view.details.durationMinutes)}</p>
        {view.details.description !== "" && <p>{view.details.description}</p>}
        {state.status === "signedIn" && (
          <p>
            <a href={routeHref({ name: "workshops" })}>{w.session.back}</a>
          </p>
        )}
        {coach && (
          <div class="actions">
            <button type="button" class="button" onClick={() => setPresenting(true)}>
              {w.presenter.open}
            </button>
          </div>
        )}
        {coach && <SaveTemplate workshopId={view.meta.slug} title={view.details.title} w={w} />}
      </header>

      {failure !== null && (
        <div class="note note--error" role="alert">
          <p>
            {w.session.commandFailed} {failure}
          </p>
          <button type="button" class="note__close" aria-label={t.nav.close} onClick={dismissFailure}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      {broughtBack && (
        <div class="note note--info" role="status">
          <p>{w.session.gathered}</p>
          <button type="button" class="note__close" aria-label={t.nav.close} onClick={dismissBroughtBack}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}

      {coach && view.joinCode !== null && view.phase !== "ended" && <JoinCode code={view.joinCode} w={w} />}
      {view.phase === "scheduled" && !coach && <p class="note note--info">{w.session.scheduledNote}</p>}
      {view.phase === "ended" && <Summary {...props} />}

      <div class="ws-grid">
        <div class="ws-main">
          {coach && view.phase !== "ended" && <CoachBar {...props} />}
          <CurrentItem {...props} />
          {view.phase !== "ended" && <Timer timer={view.timer} offsetMs={offsetMs} {...props} />}
          <Polls {...props} />
          <Questions {...props} />
          <Board {...props} />
          <SharedNotes view={view} w={w} takesPart={takesPart} />
        </div>
        <div class="ws-side">
          {view.phase !== "ended" && <Hands {...props} />}
          {view.phase !== "ended" && <Reactions {...props} />}
          <Attendance {...props} />
        </div>
      </div>
    </div>
  );
}

function LoadFailed({ problem, w }: { readonly problem: ProblemDetails; readonly w: WorkshopMessages }) {
  const text = problem.status === 404 ? w.session.notFound : problem.status === 403 ? w.session.forbidden : problemMessage(problem);
  return (
    <section class="panel" aria-labelledby="page-title">
      <h2 id="page-title">{text}</h2>
      <p>
        <a href={routeHref({ name: "workshopJoin", code: null })}>{w.join.title}</a>
      </p>
    </section>
  );
}
