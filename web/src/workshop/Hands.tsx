// Raised hands: the queue, who is speaking, and the coach's "next".

import { Part, type PartProps } from "./Part";

export function Hands({ view, run, w, takesPart }: PartProps) {
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
