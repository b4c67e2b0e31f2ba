// A coach's form for a new poll (created as a draft, opened later).

import { useState } from "preact/hooks";
import { POLL_KIND_VALUES, WORKSHOP_LIMITS } from "../wire/contract";
import type { PartProps } from "./Part";
import { newId } from "./logic";
import type { PollKind } from "./types";

export function NewPoll({ run, w }: PartProps) {
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
        <input id="poll-question" type="text" required maxLength={WORKSHOP_LIMITS.questionLength} value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
        <label for="poll-kind">{w.polls.kind}</label>
        <select id="poll-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as PollKind)}>
          {POLL_KIND_VALUES.map((k) => (
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
