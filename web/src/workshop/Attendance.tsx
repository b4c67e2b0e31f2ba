// Who is here (live) or who came (once ended).

import { Part, type PartProps } from "./Part";
import { presentNow } from "./logic";

export function Attendance({ view, w }: PartProps) {
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
