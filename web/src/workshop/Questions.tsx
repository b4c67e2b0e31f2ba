// The Q&A (as Slido's): everyone asks and upvotes, open questions by upvotes first; coaches mark them answered and
// remove what does not belong. In anonymous mode the server sends no author to anyone.

import { useState } from "preact/hooks";
import { WORKSHOP_LIMITS } from "../wire/contract";
import { Part, type PartProps } from "./Part";
import { newId, orderedQuestions } from "./logic";

export function Questions({ view, run, w, takesPart }: PartProps) {
  const coach = view.you.isCoach;
  const live = view.phase === "live";
  const [text, setText] = useState("");
  const upvoted = new Set(view.mine.upvoted);
  const questions = orderedQuestions(view.questions);
  return (
    <Part id="ws-questions" title={w.questions.title} extra={<span class="muted">{questions.length}</span>}>
      {takesPart && live && (
        <form
          class="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (text.trim() !== "" && (await run({ type: "question-ask", questionId: newId("question"), text: text.trim() }))) setText("");
          }}
        >
          <label for="ws-question-text">{w.questions.ask}</label>
          <input id="ws-question-text" type="text" dir="auto" maxLength={WORKSHOP_LIMITS.qaQuestionLength} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="button button--primary" disabled={text.trim() === ""}>
            {w.questions.send}
          </button>
        </form>
      )}
      {questions.length === 0 ? (
        <p class="muted">{w.questions.none}</p>
      ) : (
        <ol class="ws-questions">
          {questions.map((q) => (
            <li key={q.id} class={`ws-question${q.answered ? " ws-question--answered" : ""}`} data-question={q.id}>
              <p class="ws-question__text" dir="auto">
                {q.text}
              </p>
              <p class="muted ws-question__by">
                {q.authorName === null ? w.questions.anonymous : w.questions.by(q.authorName)}
                {q.answered && <span class="chip chip--closed"> {w.questions.answered}</span>}
              </p>
              <div class="actions">
                <button
                  type="button"
                  class="button button--small"
                  aria-pressed={upvoted.has(q.id)}
                  disabled={!takesPart || !live}
                  onClick={() => void run({ type: "question-upvote", questionId: q.id, up: !upvoted.has(q.id) })}
                >
                  <span aria-hidden="true">▲ </span>
                  <span data-upvotes={q.upvotes}>{w.questions.upvotes(q.upvotes)}</span>
                  <span class="visually-hidden"> · {w.questions.upvote(q.text)}</span>
                </button>
                {coach && view.phase !== "ended" && (
                  <>
                    <button type="button" class="button button--small" onClick={() => void run({ type: "question-answered", questionId: q.id, answered: !q.answered })}>
                      {q.answered ? w.questions.markOpen : w.questions.markAnswered}
                    </button>
                    <button type="button" class="button button--small button--quiet" aria-label={w.questions.deleteLabel(q.text)} onClick={() => void run({ type: "question-delete", questionId: q.id })}>
                      {w.questions.delete}
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Part>
  );
}
