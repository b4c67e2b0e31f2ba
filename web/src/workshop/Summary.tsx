// The ended workshop: attendance, the board's top notes, and the summary's exports (for accounts).

import { useSession } from "../auth/session";
import { timeInBothZones } from "../format";
import type { PartProps } from "./Part";
import { summaryUrl } from "./api";

export function Summary({ view, w }: PartProps) {
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
