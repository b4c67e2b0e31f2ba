// The agenda item the session is on, and the whole agenda folded below it.

import { Part, type PartProps } from "./Part";

export function CurrentItem({ view, w }: PartProps) {
  const agenda = view.details.agenda;
  const item = agenda[view.currentItem];
  return (
    <Part id="ws-current" title={w.session.currentItem}>
      {item === undefined ? (
        <p class="muted">{w.session.noAgenda}</p>
      ) : (
        <>
          <p class="muted">{w.session.itemOf(view.currentItem + 1, agenda.length)}</p>
          <p class="ws-current__title">{item.title}</p>
          <p class="muted">{w.session.plannedMinutes(item.plannedMinutes)}</p>
        </>
      )}
      {agenda.length > 1 && (
        <details class="ws-agenda">
          <summary>{w.session.agenda}</summary>
          <ol>
            {agenda.map((a, index) => (
              <li key={index} aria-current={index === view.currentItem ? "step" : undefined}>
                {a.title} <span class="muted">· {w.session.plannedMinutes(a.plannedMinutes)}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </Part>
  );
}
