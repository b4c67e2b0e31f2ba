// The coach's controls of the session: start, move through the agenda, bring everyone to an item, end.

import type { PartProps } from "./Part";

export function CoachBar({ view, run, w }: PartProps) {
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
