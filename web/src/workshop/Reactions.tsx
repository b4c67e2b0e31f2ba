// Reactions: one tap sends an emoji to the room (the server paces each person); the counts show how the room feels.

import { REACTION_VALUES } from "../wire/contract";
import { Part, type PartProps } from "./Part";
import type { Reaction } from "./types";

const EMOJI: Record<Reaction, string> = { applause: "👏", heart: "❤️", laugh: "😄", "thumbs-up": "👍", surprise: "😮" };

export function Reactions({ view, run, w, takesPart }: PartProps) {
  const counts = new Map(view.reactions.map((r) => [r.reaction, r.count]));
  const live = view.phase === "live";
  return (
    <Part id="ws-reactions" title={w.reactions.title}>
      <ul class="ws-reactions">
        {REACTION_VALUES.map((reaction) => {
          const count = counts.get(reaction) ?? 0;
          const label = w.reactions.count(w.reactions.names[reaction], count);
          return (
            <li key={reaction}>
              {takesPart && live ? (
                <button type="button" class="button ws-reaction" data-reaction={reaction} aria-label={label} onClick={() => void run({ type: "react", reaction })}>
                  <span aria-hidden="true">
                    {EMOJI[reaction]} {count}
                  </span>
                </button>
              ) : (
                <span class="ws-reaction" data-reaction={reaction} aria-label={label} role="img">
                  <span aria-hidden="true">
                    {EMOJI[reaction]} {count}
                  </span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </Part>
  );
}
