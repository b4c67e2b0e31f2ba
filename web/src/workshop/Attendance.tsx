// Who is here (live) or who came (once ended): names for coaches, the count for everyone; coaches remove a guest.

import { Part, type PartProps } from "./Part";
import { presentNow } from "./logic";

export function Attendance({ view, run, w }: PartProps) {
  // Live: who is here now; afterwards: everyone who came.
  const present = presentNow(view.phase === "ended" ? view.attendance.map((stay) => ({ ...stay, leftAt: null })) : view.attendance);
  const coaches = new Set(view.details.coaches);
  const coach = view.you.isCoach;
  // Participants get the count alone (the names stay with the coaches, a guest's name is theirs to give).
  const count = coach ? present.length : view.present;
  return (
    <Part id="ws-attendance" title={w.attendance.title} extra={<span class="muted">{w.attendance.count(count)}</span>}>
      {count === 0 && <p class="muted">{w.attendance.nobody}</p>}
      {present.length > 0 && (
        <ul class="ws-attendance">
          {present.map((stay) => (
            <li key={stay.participantId}>
              <span class="ws-attendance__name">{stay.displayName}</span>
              {stay.participantId === view.you.participantId && <span class="tag"> {w.attendance.you}</span>}
              {stay.guest && <span class="tag"> {w.attendance.guest}</span>}
              {coaches.has(stay.participantId) && <span class="tag"> {w.attendance.coach}</span>}
              {coach && stay.guest && view.phase !== "ended" && (
                <button type="button" class="button button--small button--quiet" aria-label={w.attendance.removeGuest(stay.displayName)} onClick={() => void run({ type: "guest-remove", participantId: stay.participantId })}>
                  {w.attendance.remove}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Part>
  );
}
