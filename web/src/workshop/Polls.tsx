// The session's polls: each with its status, the ballot while open, the results when shown, and the coach's controls.

import type { WorkshopMessages } from "../i18n/workshop";
import { Ballot } from "./Ballot";
import { NewPoll } from "./NewPoll";
import { Part, type PartProps } from "./Part";
import { cloudWords, myBallot, tallyRows, type MyBallot } from "./logic";
import type { PollView } from "./types";

export function Polls(props: PartProps) {
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

export function Poll({ poll, view, run, w, takesPart }: PartProps & { readonly poll: PollView }) {
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
      {poll.status === "open" && takesPart && <Ballot poll={poll} ballot={myBallot(view, poll.id)} run={run} w={w} />}
      {poll.results !== null && poll.kind === "open" && <Cloud poll={poll} w={w} />}
      {poll.results !== null ? <Tally poll={poll} ballot={myBallot(view, poll.id)} w={w} /> : poll.status !== "draft" && <p class="muted">{w.polls.hidden}</p>}
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

export function Tally({ poll, ballot, w }: { readonly poll: PollView; readonly ballot: MyBallot; readonly w: WorkshopMessages }) {
  const rows = tallyRows(poll, ballot);
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

/** Open answers as a word cloud: the same counts as the rows below it, sized for a projector (hidden from screen readers, which read the rows). */
export function Cloud({ poll, w }: { readonly poll: PollView; readonly w: WorkshopMessages }) {
  const words = cloudWords(poll);
  if (words.length === 0) return null;
  return (
    <p class="ws-cloud" aria-hidden="true" title={w.polls.cloud}>
      {words.map((word) => (
        <span key={word.word} class={`ws-cloud__word ws-cloud__word--${word.step}`} dir="auto">
          {word.word}
        </span>
      ))}
    </p>
  );
}
