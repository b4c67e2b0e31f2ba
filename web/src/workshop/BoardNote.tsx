// One note of the idea board: its dots, and the coach's move, merge and removal (moderation).

import { useState } from "preact/hooks";
import type { PartProps } from "./Part";
import { canAddDot, myDots } from "./logic";
import type { NoteView } from "./types";

export function Note({ note, view, run, w, takesPart }: PartProps & { readonly note: NoteView }) {
  const coach = view.you.isCoach;
  const [target, setTarget] = useState("");
  const others = view.notes.filter((n) => n.id !== note.id);
  const mine = myDots(view, note.id);
  return (
    <article class="ws-note" data-note={note.id}>
      <p class="ws-note__text" dir="auto">
        {note.text}
      </p>
      <p class="muted ws-note__by">{note.authorName === null ? w.board.anonymous : w.board.by(note.authorName)}</p>
      <div class="ws-note__dots">
        <span class="ws-note__count" data-dots={note.dots}>
          {w.board.dots(note.dots)}
          {mine > 0 && ` (${w.board.myDots(mine)})`}
        </span>
        {takesPart && view.phase === "live" && (
          <span class="ws-note__buttons">
            <button type="button" class="button button--small" aria-label={w.board.removeDot(note.text)} disabled={mine === 0} onClick={() => void run({ type: "dot-remove", noteId: note.id })}>
              −
            </button>
            <button type="button" class="button button--small" aria-label={w.board.addDot(note.text)} disabled={!canAddDot(view)} onClick={() => void run({ type: "dot-add", noteId: note.id })}>
              +
            </button>
          </span>
        )}
      </div>
      {coach && view.phase !== "ended" && (view.columns.length > 1 || others.length > 0) && (
        <form
          class="ws-note__coach"
          onSubmit={(e) => {
            e.preventDefault();
            const [kind, value] = target.split(":");
            if (kind === "column" && value) void run({ type: "note-move", noteId: note.id, columnId: value });
            if (kind === "note" && value) void run({ type: "note-merge", noteId: note.id, intoNoteId: value });
            setTarget("");
          }}
        >
          <label class="visually-hidden" for={`note-${note.id}-target`}>
            {w.board.move(note.text)}
          </label>
          <select id={`note-${note.id}-target`} value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">{w.board.moveTo} / {w.board.mergeInto}…</option>
            <optgroup label={w.board.moveTo}>
              {view.columns
                .filter((c) => c.id !== note.columnId)
                .map((c) => (
                  <option key={c.id} value={`column:${c.id}`}>
                    {c.title}
                  </option>
                ))}
            </optgroup>
            <optgroup label={w.board.mergeInto}>
              {others.map((n) => (
                <option key={n.id} value={`note:${n.id}`}>
                  {n.text.length > 40 ? `${n.text.slice(0, 40)}…` : n.text}
                </option>
              ))}
            </optgroup>
          </select>
          <button type="submit" class="button button--small" disabled={target === ""}>
            {w.board.apply}
          </button>
          <button type="button" class="button button--small button--quiet" aria-label={w.board.deleteNote(note.text)} onClick={() => void run({ type: "note-delete", noteId: note.id })}>
            {w.questions.delete}
          </button>
        </form>
      )}
    </article>
  );
}
