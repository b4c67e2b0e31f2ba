// The live workshop, made for phones on weak links: one column of parts (current item and timer first), coach
// controls only for coaches, every count in text as well as in bars. Once ended: the summary with its exports.

import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { problemMessage, type ProblemDetails } from "../auth/problem";
import { useSession } from "../auth/session";
import { timeInBothZones } from "../format";
import { useTick } from "../hooks";
import { useT } from "../i18n";
import { useWorkshopT, type WorkshopMessages } from "../i18n/workshop";
import { PageLoading } from "../lazy";
import { routeHref } from "../router";
import { joinLink, summaryUrl } from "../workshop/api";
import { SharedNotes } from "../workshop/SharedNotes";
import { failureText, WorkshopLiveSession, type SessionLoad } from "../workshop/liveSession";
import {
  answerWords,
  canAddDot,
  clockText,
  columnNotes,
  dotsLeft,
  hasVoted,
  newId,
  presentNow,
  remainingMs,
  spacedCode,
  tallyRows,
  timerState,
} from "../workshop/logic";
import type { NoteView, PollKind, PollView, TimerView, WorkshopCommand, WorkshopView } from "../workshop/types";

/** Sends a command; resolves to true when the server took it. */
type Run = (command: WorkshopCommand) => Promise<boolean>;

interface PartProps {
  readonly view: WorkshopView;
  readonly run: Run;
  readonly w: WorkshopMessages;
  /** The viewer may take part (partners only watch). */
  readonly takesPart: boolean;
}

function Part({ id, title, children, extra }: { readonly id: string; readonly title: string; readonly children: ComponentChildren; readonly extra?: ComponentChildren }) {
  return (
    <section class="panel ws-part" id={id} aria-labelledby={`${id}-title`}>
      <div class="ws-part__head">
        <h3 id={`${id}-title`}>{title}</h3>
        {extra}
      </div>
      {children}
    </section>
  );
}

export function WorkshopSessionPage({ id }: { readonly id: string }) {
  const t = useT();
  const w = useWorkshopT();
  const state = useSession();
  const [load, setLoad] = useState<SessionLoad>({ status: "loading" });
  const [failure, setFailure] = useState<string | null>(null);
  const session = useRef<WorkshopLiveSession | null>(null);

  useEffect(() => {
    const live = new WorkshopLiveSession(id);
    session.current = live;
    const off = live.listen(setLoad);
    void live.open();
    const leave = () => live.close();
    window.addEventListener("pagehide", leave);
    return () => {
      off();
      window.removeEventListener("pagehide", leave);
      live.close();
    };
  }, [id]);

  const run: Run = async (command) => {
    const live = session.current;
    if (live === null) return false;
    const failed = await live.command(command);
    setFailure(failed === null ? null : failureText(failed, w.session.offlineAction));
    return failed === null;
  };

  // The coach brought everyone to an item: show it (not on the first view).
  const gathered = load.status === "loaded" ? load.view.gathered : null;
  const lastGathered = useRef<number | null>(null);
  const phase = load.status === "loaded" ? load.view.phase : null;
  const lastPhase = useRef(phase);
  const [broughtBack, setBroughtBack] = useState(false);
  useEffect(() => {
    if (gathered === null) return;
    // Starting gathers everyone on the first item too: only a later "bring everyone here" is worth a note.
    const wasLive = lastPhase.current === "live";
    lastPhase.current = phase;
    if (wasLive && lastGathered.current !== null && gathered > lastGathered.current && load.status === "loaded" && !load.view.you.isCoach) {
      setBroughtBack(true);
      document.getElementById("ws-current")?.scrollIntoView({ block: "start" });
    }
    lastGathered.current = gathered;
  }, [gathered, phase]);

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
      </header>

      {failure !== null && (
        <div class="note note--error" role="alert">
          <p>
            {w.session.commandFailed} {failure}
          </p>
          <button type="button" class="note__close" aria-label={t.nav.close} onClick={() => setFailure(null)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      {broughtBack && (
        <div class="note note--info" role="status">
          <p>{w.session.gathered}</p>
          <button type="button" class="note__close" aria-label={t.nav.close} onClick={() => setBroughtBack(false)}>
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
          <Board {...props} />
          <SharedNotes view={view} w={w} takesPart={takesPart} />
        </div>
        <div class="ws-side">
          {view.phase !== "ended" && <Hands {...props} />}
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

function JoinCode({ code, w }: { readonly code: string; readonly w: WorkshopMessages }) {
  const [copied, setCopied] = useState<string | null>(null);
  const link = joinLink(code);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(w.code.copied);
    } catch {
      setCopied(w.code.copyFailed);
    }
  };
  return (
    <section class="panel ws-code" aria-labelledby="ws-code-title">
      <h3 id="ws-code-title">{w.code.label}</h3>
      <p class="ws-code__code" data-code={code}>
        {spacedCode(code)}
      </p>
      <label class="field__label" for="ws-code-link">
        {w.code.link}
      </label>
      <div class="ws-code__link">
        <input id="ws-code-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" onClick={() => void copy()}>
          {w.code.copyLink}
        </button>
      </div>
      <p class="muted" role="status">
        {copied}
      </p>
    </section>
  );
}

function CoachBar({ view, run, w }: PartProps) {
  const items = view.details.agenda.length;
  return (
    <section class="panel ws-coach" aria-labelledby="ws-coach-title">
      <h3 id="ws-coach-title">{w.coach.controls}</h3>
      <div class="actions">
        {view.phase === "scheduled" ? (
          <button type="button" class="button button--primary" onClick={() => void run({ type: "start" })}>
            {w.coach.start}
          </button>
        ) : (
          <>
            <button type="button" class="button" disabled={view.currentItem <= 0} onClick={() => void run({ type: "previous-item" })}>
              {w.coach.previous}
            </button>
            <button type="button" class="button button--primary" disabled={view.currentItem >= items - 1} onClick={() => void run({ type: "next-item" })}>
              {w.coach.next}
            </button>
            <button type="button" class="button" onClick={() => void run({ type: "bring-everyone", index: view.currentItem })}>
              {w.coach.bringEveryone}
            </button>
            <button
              type="button"
              class="button button--quiet"
              onClick={() => {
                if (window.confirm(w.coach.confirmEnd)) void run({ type: "end" });
              }}
            >
              {w.coach.end}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

function CurrentItem({ view, w }: PartProps) {
  const agenda = view.details.agenda;
  const item = agenda[view.currentItem];
  return (
    <Part id="ws-current" title={w.session.currentItem}>
      {item === undefined ? (
        <p class="muted">{w.session.noAgenda}</p>
      ) : (
        <>
          <p class="muted">{w.session.itemOf(view.currentItem + 1, agenda.length)}</p>
          <p class="ws-current__title">{item.title}</p>
          <p class="muted">{w.session.plannedMinutes(item.plannedMinutes)}</p>
        </>
      )}
      {agenda.length > 1 && (
        <details class="ws-agenda">
          <summary>{w.session.agenda}</summary>
          <ol>
            {agenda.map((a, index) => (
              <li key={index} aria-current={index === view.currentItem ? "step" : undefined}>
                {a.title} <span class="muted">· {w.session.plannedMinutes(a.plannedMinutes)}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </Part>
  );
}

function Timer({ timer, offsetMs, view, run, w }: PartProps & { readonly timer: TimerView; readonly offsetMs: number }) {
  // Ticks only while running: a paused or idle timer costs nothing.
  const now = useTick(timer.running ? 250 : 60_000);
  const left = remainingMs(timer, Math.max(now, Date.now()), offsetMs);
  const shown = timerState(timer, left);
  const [seconds, setSeconds] = useState("300");
  const labels = { idle: w.timer.idle, running: w.timer.running, paused: w.timer.paused, over: w.timer.over };
  const live = view.phase === "live";
  return (
    <Part id="ws-timer" title={w.timer.title}>
      <p class={`ws-timer__clock ws-timer__clock--${shown}`} role="timer" aria-label={w.timer.remaining} data-remaining-ms={left}>
        {clockText(left)}
      </p>
      <p class="muted ws-timer__state">{labels[shown]}</p>
      {view.you.isCoach && live && (
        <div class="ws-timer__controls">
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const value = Number.parseInt(seconds, 10);
              if (value > 0) void run({ type: "timer-start", seconds: value });
            }}
          >
            <label for="ws-timer-seconds">{w.timer.seconds}</label>
            <input id="ws-timer-seconds" type="number" min={1} max={14400} inputMode="numeric" value={seconds} onInput={(e) => setSeconds(e.currentTarget.value)} />
            <button type="submit" class="button button--primary">
              {w.timer.start}
            </button>
          </form>
          <div class="actions">
            {shown === "running" && (
              <button type="button" class="button" onClick={() => void run({ type: "timer-pause" })}>
                {w.timer.pause}
              </button>
            )}
            {shown === "paused" && (
              <button type="button" class="button" onClick={() => void run({ type: "timer-resume" })}>
                {w.timer.resume}
              </button>
            )}
            {(shown === "running" || shown === "paused") && (
              <>
                <button type="button" class="button" title={w.timer.plusMinuteLabel} onClick={() => void run({ type: "timer-extend", seconds: 60 })}>
                  {w.timer.plusMinute}
                </button>
                <button type="button" class="button" title={w.timer.minusMinuteLabel} onClick={() => void run({ type: "timer-extend", seconds: -60 })}>
                  {w.timer.minusMinute}
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </Part>
  );
}

function Polls(props: PartProps) {
  const { view, w } = props;
  const coach = view.you.isCoach;
  const polls = coach ? view.polls : view.polls.filter((p) => p.status !== "draft");
  return (
    <Part id="ws-polls" title={w.polls.title}>
      {polls.length === 0 && <p class="muted">{w.polls.none}</p>}
      <ul class="ws-polls">
        {polls.map((poll) => (
          <li key={poll.id}>
            <Poll poll={poll} {...props} />
          </li>
        ))}
      </ul>
      {coach && view.phase !== "ended" && <NewPoll {...props} />}
    </Part>
  );
}

function Poll({ poll, view, run, w, takesPart }: PartProps & { readonly poll: PollView }) {
  const coach = view.you.isCoach;
  const headingId = `poll-${poll.id}-q`;
  return (
    <article class="ws-poll" aria-labelledby={headingId} data-poll={poll.id}>
      <div class="ws-poll__head">
        <h4 id={headingId}>{poll.question}</h4>
        <span class={`chip chip--${poll.status}`}>{w.polls.statuses[poll.status]}</span>
      </div>
      <p class="muted">
        {w.polls.kinds[poll.kind]} · <span class="ws-poll__voters">{w.polls.voters(poll.voters)}</span>
      </p>
      {poll.status === "open" && takesPart && <Ballot poll={poll} run={run} w={w} />}
      {poll.results !== null ? <Tally poll={poll} w={w} /> : poll.status !== "draft" && <p class="muted">{w.polls.hidden}</p>}
      {coach && view.phase !== "ended" && (
        <div class="actions">
          {poll.status === "draft" && view.phase === "live" && (
            <button type="button" class="button button--primary" onClick={() => void run({ type: "poll-open", pollId: poll.id })}>
              {w.polls.open}
            </button>
          )}
          {poll.status === "open" && (
            <button type="button" class="button" onClick={() => void run({ type: "poll-close", pollId: poll.id })}>
              {w.polls.close}
            </button>
          )}
          <button type="button" class="button" aria-pressed={poll.resultsVisible} onClick={() => void run({ type: "poll-results", pollId: poll.id, visible: !poll.resultsVisible })}>
            {poll.resultsVisible ? w.polls.hide : w.polls.reveal}
          </button>
        </div>
      )}
    </article>
  );
}

function Ballot({ poll, run, w }: { readonly poll: PollView; readonly run: Run; readonly w: WorkshopMessages }) {
  const [choices, setChoices] = useState<readonly number[]>(poll.myChoices ?? []);
  const [words, setWords] = useState((poll.myWords ?? []).join(" "));
  const [saved, setSaved] = useState(false);
  const voted = hasVoted(poll);
  const name = `ballot-${poll.id}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const ok = await run(poll.kind === "open" ? { type: "vote", pollId: poll.id, choices: null, words: answerWords(words) } : { type: "vote", pollId: poll.id, choices, words: null });
    setSaved(ok);
  };
  const toggle = (index: number, on: boolean) =>
    setChoices((c) => (poll.kind === "single" ? [index] : on ? [...c.filter((x) => x !== index), index].sort((a, b) => a - b) : c.filter((x) => x !== index)));
  return (
    <form class="ws-ballot" onSubmit={(e) => void submit(e)}>
      {poll.kind === "open" ? (
        <>
          <label for={`${name}-words`}>{w.polls.words}</label>
          <input id={`${name}-words`} type="text" maxLength={120} value={words} onInput={(e) => setWords(e.currentTarget.value)} />
        </>
      ) : (
        <fieldset>
          <legend class="visually-hidden">{poll.question}</legend>
          {poll.options.map((option, index) => (
            <label key={index} class="check ws-ballot__option">
              <input
                type={poll.kind === "single" ? "radio" : "checkbox"}
                name={name}
                value={index}
                checked={choices.includes(index)}
                onChange={(e) => toggle(index, e.currentTarget.checked)}
              />
              {option}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" class="button button--primary" disabled={poll.kind === "open" ? answerWords(words).length === 0 : choices.length === 0}>
        {voted ? w.polls.changeVote : w.polls.vote}
      </button>
      {saved && voted && (
        <p class="muted" role="status">
          {w.polls.voted}
        </p>
      )}
    </form>
  );
}

function Tally({ poll, w }: { readonly poll: PollView; readonly w: WorkshopMessages }) {
  const rows = tallyRows(poll);
  return (
    <ul class="tally" aria-label={w.polls.resultsOf(poll.question)}>
      {rows.map((row) => (
        <li key={row.label} class={`tally__row${row.mine ? " tally__row--mine" : ""}`} data-count={row.count}>
          <span class="tally__text">
            {w.polls.row(row.label, row.count, row.sharePercent)}
            {row.mine && <span class="tally__mine"> · {w.polls.mine}</span>}
          </span>
          <span class="tally__bar" aria-hidden="true">
            <span style={{ width: `${row.barPercent}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function NewPoll({ run, w }: PartProps) {
  const [question, setQuestion] = useState("");
  const [kind, setKind] = useState<PollKind>("single");
  const [options, setOptions] = useState("");
  const submit = async (event: Event) => {
    event.preventDefault();
    const list = kind === "open" ? [] : options.split("\n").map((o) => o.trim()).filter((o) => o !== "");
    if (await run({ type: "poll-create", pollId: newId("sondage"), question: question.trim(), kind, options: list })) {
      setQuestion("");
      setOptions("");
    }
  };
  return (
    <details class="ws-new">
      <summary>{w.polls.newPoll}</summary>
      <form class="form" onSubmit={(e) => void submit(e)}>
        <label for="poll-question">{w.polls.question}</label>
        <input id="poll-question" type="text" required maxLength={200} value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
        <label for="poll-kind">{w.polls.kind}</label>
        <select id="poll-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as PollKind)}>
          {(["single", "multiple", "open"] as const).map((k) => (
            <option key={k} value={k}>
              {w.polls.kinds[k]}
            </option>
          ))}
        </select>
        {kind !== "open" && (
          <>
            <label for="poll-options">{w.polls.options}</label>
            <textarea id="poll-options" rows={4} value={options} onInput={(e) => setOptions(e.currentTarget.value)} />
          </>
        )}
        <button type="submit" class="button button--primary">
          {w.polls.create}
        </button>
      </form>
    </details>
  );
}

function Board(props: PartProps) {
  const { view, run, w, takesPart } = props;
  const coach = view.you.isCoach;
  const open = view.phase !== "ended";
  const left = dotsLeft(view);
  const [column, setColumn] = useState("");
  const [budget, setBudget] = useState(String(view.dotBudget || 3));
  return (
    <Part id="ws-board" title={w.board.title}>
      {takesPart && open && (
        <p class="ws-board__budget" role="status" data-dots-left={left}>
          {view.dotBudget > 0 ? w.board.dotsLeft(left, view.dotBudget) : w.board.votingClosed}
        </p>
      )}
      {coach && open && (
        <div class="ws-board__coach">
          <form
            class="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (column.trim() !== "" && (await run({ type: "column-add", columnId: newId("colonne"), title: column.trim() }))) setColumn("");
            }}
          >
            <label for="board-column">{w.board.newColumn}</label>
            <input id="board-column" type="text" maxLength={80} value={column} onInput={(e) => setColumn(e.currentTarget.value)} />
            <button type="submit" class="button">
              {w.board.addColumn}
            </button>
          </form>
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run({ type: "dot-budget", perPerson: Number.parseInt(budget, 10) || 0 });
            }}
          >
            <label for="board-budget">{w.board.budget}</label>
            <input id="board-budget" type="number" min={0} max={20} inputMode="numeric" value={budget} onInput={(e) => setBudget(e.currentTarget.value)} />
            <button type="submit" class="button">
              {w.board.setBudget}
            </button>
          </form>
        </div>
      )}
      {view.columns.length === 0 ? (
        <p class="muted">{w.board.noColumns}</p>
      ) : (
        <div class="ws-columns">
          {view.columns.map((c) => (
            <section key={c.id} class="ws-column" aria-labelledby={`col-${c.id}`} data-column={c.id}>
              <h4 id={`col-${c.id}`}>{c.title}</h4>
              <ul class="ws-notes">
                {columnNotes(view.notes, c.id).map((note) => (
                  <li key={note.id}>
                    <Note note={note} {...props} />
                  </li>
                ))}
              </ul>
              {columnNotes(view.notes, c.id).length === 0 && <p class="muted">{w.board.emptyColumn}</p>}
              {takesPart && view.phase === "live" && <NewNote columnId={c.id} columnTitle={c.title} run={run} w={w} />}
            </section>
          ))}
        </div>
      )}
    </Part>
  );
}

function Note({ note, view, run, w, takesPart }: PartProps & { readonly note: NoteView }) {
  const coach = view.you.isCoach;
  const [target, setTarget] = useState("");
  const others = view.notes.filter((n) => n.id !== note.id);
  return (
    <article class="ws-note" data-note={note.id}>
      <p class="ws-note__text">{note.text}</p>
      <p class="muted ws-note__by">{w.board.by(note.authorName)}</p>
      <div class="ws-note__dots">
        <span class="ws-note__count" data-dots={note.dots}>
          {w.board.dots(note.dots)}
          {note.myDots > 0 && ` (${w.board.myDots(note.myDots)})`}
        </span>
        {takesPart && view.phase === "live" && (
          <span class="ws-note__buttons">
            <button type="button" class="button button--small" aria-label={w.board.removeDot(note.text)} disabled={note.myDots === 0} onClick={() => void run({ type: "dot-remove", noteId: note.id })}>
              −
            </button>
            <button type="button" class="button button--small" aria-label={w.board.addDot(note.text)} disabled={!canAddDot(view)} onClick={() => void run({ type: "dot-add", noteId: note.id })}>
              +
            </button>
          </span>
        )}
      </div>
      {coach && view.phase !== "ended" && (view.columns.length > 1 || others.length > 0) && (
        <form
          class="ws-note__coach"
          onSubmit={(e) => {
            e.preventDefault();
            const [kind, value] = target.split(":");
            if (kind === "column" && value) void run({ type: "note-move", noteId: note.id, columnId: value });
            if (kind === "note" && value) void run({ type: "note-merge", noteId: note.id, intoNoteId: value });
            setTarget("");
          }}
        >
          <label class="visually-hidden" for={`note-${note.id}-target`}>
            {w.board.move(note.text)}
          </label>
          <select id={`note-${note.id}-target`} value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">{w.board.moveTo} / {w.board.mergeInto}…</option>
            <optgroup label={w.board.moveTo}>
              {view.columns
                .filter((c) => c.id !== note.columnId)
                .map((c) => (
                  <option key={c.id} value={`column:${c.id}`}>
                    {c.title}
                  </option>
                ))}
            </optgroup>
            <optgroup label={w.board.mergeInto}>
              {others.map((n) => (
                <option key={n.id} value={`note:${n.id}`}>
                  {n.text.length > 40 ? `${n.text.slice(0, 40)}…` : n.text}
                </option>
              ))}
            </optgroup>
          </select>
          <button type="submit" class="button button--small" disabled={target === ""}>
            {w.board.apply}
          </button>
        </form>
      )}
    </article>
  );
}

function NewNote({ columnId, columnTitle, run, w }: { readonly columnId: string; readonly columnTitle: string; readonly run: Run; readonly w: WorkshopMessages }) {
  const [text, setText] = useState("");
  const inputId = `note-new-${columnId}`;
  return (
    <form
      class="inline-form ws-note-new"
      onSubmit={async (e) => {
        e.preventDefault();
        if (text.trim() !== "" && (await run({ type: "note-add", noteId: newId("idee"), columnId, text: text.trim() }))) setText("");
      }}
    >
      <label class="visually-hidden" for={inputId}>
        {w.board.newNote(columnTitle)}
      </label>
      <input id={inputId} type="text" maxLength={280} placeholder={w.board.notePlaceholder} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="submit" class="button">
        {w.board.addNote}
      </button>
    </form>
  );
}

function Hands({ view, run, w, takesPart }: PartProps) {
  const coach = view.you.isCoach;
  const mine = view.hands.some((h) => h.participantId === view.you.participantId);
  const live = view.phase === "live";
  return (
    <Part id="ws-hands" title={w.hands.title} extra={<span class="muted">{w.hands.queue(view.hands.length)}</span>}>
      {view.speaking !== null && <p class="ws-speaking">{w.hands.speaking(view.speaking.displayName)}</p>}
      {takesPart && live && (
        <button type="button" class={`button${mine ? "" : " button--primary"}`} aria-pressed={mine} onClick={() => void run(mine ? { type: "hand-lower", participantId: null } : { type: "hand-raise" })}>
          {mine ? w.hands.lower : w.hands.raise}
        </button>
      )}
      {mine && <p class="muted">{w.hands.raised}</p>}
      {view.hands.length === 0 ? (
        <p class="muted">{w.hands.empty}</p>
      ) : (
        <ol class="ws-hands">
          {view.hands.map((hand) => (
            <li key={hand.participantId}>
              {hand.displayName}
              {coach && live && (
                <button type="button" class="button button--small button--quiet" aria-label={w.hands.lowerFor(hand.displayName)} onClick={() => void run({ type: "hand-lower", participantId: hand.participantId })}>
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {coach && live && (
        <button type="button" class="button" disabled={view.hands.length === 0} onClick={() => void run({ type: "hand-next" })}>
          {w.hands.next}
        </button>
      )}
    </Part>
  );
}

function Attendance({ view, w }: PartProps) {
  // Live: who is here now; afterwards: everyone who came.
  const present = presentNow(view.phase === "ended" ? view.attendance.map((stay) => ({ ...stay, leftAt: null })) : view.attendance);
  const coaches = new Set(view.details.coaches);
  return (
    <Part id="ws-attendance" title={w.attendance.title} extra={<span class="muted">{w.attendance.count(present.length)}</span>}>
      {present.length === 0 ? (
        <p class="muted">{w.attendance.nobody}</p>
      ) : (
        <ul class="ws-attendance">
          {present.map((stay) => (
            <li key={stay.participantId}>
              <span class="ws-attendance__name">{stay.displayName}</span>
              {stay.participantId === view.you.participantId && <span class="tag"> {w.attendance.you}</span>}
              {stay.guest && <span class="tag"> {w.attendance.guest}</span>}
              {coaches.has(stay.participantId) && <span class="tag"> {w.attendance.coach}</span>}
            </li>
          ))}
        </ul>
      )}
    </Part>
  );
}

function Summary({ view, w }: PartProps) {
  // The exports are for accounts: a guest's session reads the live workshop only.
  const guest = useSession().status === "guest";
  const people = new Set(view.attendance.map((s) => s.participantId)).size;
  const top = [...view.notes].sort((a, b) => b.dots - a.dots).slice(0, 5);
  return (
    <section class="panel ws-summary" aria-labelledby="ws-summary-title">
      <h3 id="ws-summary-title">{w.summary.title}</h3>
      <p>
        {view.endedAt !== null && w.summary.ended(timeInBothZones(view.endedAt, Date.now()))} {w.summary.people(people)}
      </p>
      <div class="actions" hidden={guest}>
        <a class="button button--primary" href={summaryUrl(view.meta.slug, "md")} download={`${view.meta.slug}.md`}>
          {w.summary.markdown}
        </a>
        <a class="button" href={summaryUrl(view.meta.slug, "csv")} download={`${view.meta.slug}.csv`}>
          {w.summary.csv}
        </a>
      </div>
      <h4>{w.summary.board}</h4>
      {top.length === 0 ? (
        <p class="muted">{w.summary.noNotes}</p>
      ) : (
        <ol>
          {top.map((note) => (
            <li key={note.id}>
              {note.text} — {w.board.dots(note.dots)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
