// The idea board: columns of notes with dot voting; coaches add columns and set the dot budget.

import { useState } from "preact/hooks";
import type { WorkshopMessages } from "../i18n/workshop";
import { WORKSHOP_LIMITS } from "../wire/contract";
import { Note } from "./BoardNote";
import { Part, type PartProps, type Run } from "./Part";
import { columnNotes, dotsLeft, newId } from "./logic";

export function Board(props: PartProps) {
  const { view, run, w, takesPart } = props;
  const coach = view.you.isCoach;
  const open = view.phase !== "ended";
  const left = dotsLeft(view);
  const [column, setColumn] = useState("");
  const [budget, setBudget] = useState(String(view.dotBudget || 3));
  return (
    <Part id="ws-board" title={w.board.title}>
      {takesPart && open && (
        <p class="ws-board__budget" role="status" data-dots-left={left}>
          {view.dotBudget > 0 ? w.board.dotsLeft(left, view.dotBudget) : w.board.votingClosed}
        </p>
      )}
      {coach && open && (
        <div class="ws-board__coach">
          <form
            class="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (column.trim() !== "" && (await run({ type: "column-add", columnId: newId("colonne"), title: column.trim() }))) setColumn("");
            }}
          >
            <label for="board-column">{w.board.newColumn}</label>
            <input id="board-column" type="text" maxLength={WORKSHOP_LIMITS.columnTitleLength} value={column} onInput={(e) => setColumn(e.currentTarget.value)} />
            <button type="submit" class="button">
              {w.board.addColumn}
            </button>
          </form>
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run({ type: "dot-budget", perPerson: Number.parseInt(budget, 10) || 0 });
            }}
          >
            <label for="board-budget">{w.board.budget}</label>
            <input id="board-budget" type="number" min={0} max={WORKSHOP_LIMITS.dotBudget} inputMode="numeric" value={budget} onInput={(e) => setBudget(e.currentTarget.value)} />
            <button type="submit" class="button">
              {w.board.setBudget}
            </button>
          </form>
        </div>
      )}
      {view.columns.length === 0 ? (
        <p class="muted">{w.board.noColumns}</p>
      ) : (
        <div class="ws-columns">
          {view.columns.map((c) => (
            <section key={c.id} class="ws-column" aria-labelledby={`col-${c.id}`} data-column={c.id}>
              <h4 id={`col-${c.id}`}>{c.title}</h4>
              <ul class="ws-notes">
                {columnNotes(view.notes, c.id).map((note) => (
                  <li key={note.id}>
                    <Note note={note} {...props} />
                  </li>
                ))}
              </ul>
              {columnNotes(view.notes, c.id).length === 0 && <p class="muted">{w.board.emptyColumn}</p>}
              {takesPart && view.phase === "live" && <NewNote columnId={c.id} columnTitle={c.title} run={run} w={w} />}
            </section>
          ))}
        </div>
      )}
    </Part>
  );
}

function NewNote({ columnId, columnTitle, run, w }: { readonly columnId: string; readonly columnTitle: string; readonly run: Run; readonly w: WorkshopMessages }) {
  const [text, setText] = useState("");
  const inputId = `note-new-${columnId}`;
  return (
    <form
      class="inline-form ws-note-new"
      onSubmit={async (e) => {
        e.preventDefault();
        if (text.trim() !== "" && (await run({ type: "note-add", noteId: newId("idee"), columnId, text: text.trim() }))) setText("");
      }}
    >
      <label class="visually-hidden" for={inputId}>
        {w.board.newNote(columnTitle)}
      </label>
      <input id={inputId} type="text" maxLength={WORKSHOP_LIMITS.noteLength} placeholder={w.board.notePlaceholder} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="submit" class="button">
        {w.board.addNote}
      </button>
    </form>
  );
}
