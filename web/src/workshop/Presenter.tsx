// The projector view: what the room reads from the back of the hall — how to join, the current item, a big timer, the
// polls whose results are shown (word clouds for open answers), the most upvoted questions and the reactions. No
// controls: the coach runs the session from a phone or a second window.

import { JoinCode } from "./JoinCode";
import { Part, type PartProps } from "./Part";
import { Cloud, Tally } from "./Polls";
import { Reactions } from "./Reactions";
import { Timer } from "./Timer";
import { CurrentItem } from "./CurrentItem";
import { myBallot, orderedQuestions } from "./logic";

/** Questions the projector shows: the room sees what to answer next, not the whole list. */
const PROJECTED_QUESTIONS = 5;

export function Presenter(props: PartProps & { readonly offsetMs: number; readonly onClose: () => void }) {
  const { view, w, offsetMs, onClose } = props;
  const watching: PartProps = { ...props, takesPart: false, view: { ...view, you: { ...view.you, isCoach: false } } };
  const shown = view.polls.filter((p) => p.status !== "draft" && p.results !== null);
  const questions = orderedQuestions(view.questions)
    .filter((q) => !q.answered)
    .slice(0, PROJECTED_QUESTIONS);
  return (
    <div class="ws-presenter">
      <div class="ws-presenter__head">
        {view.joinCode !== null && view.phase !== "ended" && <JoinCode code={view.joinCode} w={w} />}
        <button type="button" class="button" onClick={onClose}>
          {w.presenter.close}
        </button>
      </div>
      <CurrentItem {...watching} />
      {view.phase !== "ended" && <Timer timer={view.timer} offsetMs={offsetMs} {...watching} />}
      {shown.map((poll) => (
        <Part key={poll.id} id={`ws-presenter-${poll.id}`} title={poll.question}>
          <p class="muted">{w.polls.voters(poll.voters)}</p>
          {poll.kind === "open" && <Cloud poll={poll} w={w} />}
          <Tally poll={poll} ballot={myBallot(view, poll.id)} w={w} />
        </Part>
      ))}
      {questions.length > 0 && (
        <Part id="ws-presenter-questions" title={w.presenter.topQuestions}>
          <ol class="ws-questions">
            {questions.map((q) => (
              <li key={q.id} class="ws-question">
                <p class="ws-question__text" dir="auto">
                  {q.text}
                </p>
                <p class="muted">{w.questions.upvotes(q.upvotes)}</p>
              </li>
            ))}
          </ol>
        </Part>
      )}
      <Reactions {...watching} />
    </div>
  );
}
