// A participant's vote in an open poll: choices, or up to a few words for an open question.

import { useState } from "preact/hooks";
import type { WorkshopMessages } from "../i18n/workshop";
import { WORKSHOP_LIMITS } from "../wire/contract";
import type { Run } from "./Part";
import { answerWords, hasVoted, type MyBallot } from "./logic";
import type { PollView } from "./types";

export function Ballot({ poll, ballot, run, w }: { readonly poll: PollView; readonly ballot: MyBallot; readonly run: Run; readonly w: WorkshopMessages }) {
  const [choices, setChoices] = useState<readonly number[]>(ballot.choices);
  const [words, setWords] = useState(ballot.words.join(" "));
  const [saved, setSaved] = useState(false);
  const voted = hasVoted(poll, ballot);
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
          <input id={`${name}-words`} type="text" maxLength={WORKSHOP_LIMITS.words * (WORKSHOP_LIMITS.wordLength + 1)} value={words} onInput={(e) => setWords(e.currentTarget.value)} />
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
