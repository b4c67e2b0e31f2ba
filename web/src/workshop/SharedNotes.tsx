// The workshop's shared notes: the project plan editor, sections only, on the notes document of the workshop
// (a plan document the server lets its participants edit while it runs, and everyone in it read).

import { liveClient } from "../live/liveClient";
import type { WorkshopMessages } from "../i18n/workshop";
import { PlanEditor } from "../project/PlanEditor";
import { usePlanWorkspace } from "../project/usePlanWorkspace";
import type { WorkshopView } from "./types";

interface SharedNotesProps {
  readonly view: WorkshopView;
  readonly w: WorkshopMessages;
  /** The viewer may take part (partners only watch). */
  readonly takesPart: boolean;
}

export function SharedNotes({ view, w, takesPart }: SharedNotesProps) {
  const workspace = usePlanWorkspace(view.notesDocument, liveClient());
  // The server refuses edits before the start and after the end, and from observers: the page says so first.
  const readOnly = !takesPart || view.phase !== "live" || workspace.connection === "failed" || workspace.connection === "read-only";
  return (
    <section class="panel ws-part ws-shared-notes" id="ws-shared-notes" aria-labelledby="ws-shared-notes-title">
      <div class="ws-part__head">
        <h3 id="ws-shared-notes-title">{w.sharedNotes.title}</h3>
      </div>
      <PlanEditor workspace={workspace} readOnly={readOnly} slug={view.notesDocument} sectionsOnly={w.sharedNotes} />
    </section>
  );
}
