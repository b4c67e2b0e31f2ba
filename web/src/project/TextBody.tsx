// A section's text, edited live: each input event becomes an ot-text-unicode op; remote ops are
// applied to the textarea in place, the caret moved through them; others' carets said in words.

import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import { projectMessages } from "../i18n/project";
import { useMessages } from "../i18n/language";
import type { PlanState } from "../plan/planState";
import { cursorToServer, cursorToView, type PresenceEntry } from "../plan/presence";
import { utf16ToCodePoint } from "../plan/textOps";
import type { PlanEntityKind, TextField } from "../plan/types";
import { Avatar } from "./Presence";
import { applyRemote, caretPlace, inputOp } from "./textareaEdit";
import { fieldKey, type PlanWorkspace } from "./usePlanWorkspace";

interface TextBodyProps {
  readonly workspace: PlanWorkspace;
  readonly kind: PlanEntityKind;
  readonly id: string;
  readonly field: TextField;
  readonly value: string;
  readonly label: string;
  readonly readOnly: boolean;
  /** Others whose caret is in this text. */
  readonly carets: readonly PresenceEntry[];
}

export function TextBody({ workspace, kind, id, field, value, label, readOnly, carets }: TextBodyProps) {
  const t = useMessages(projectMessages);
  const ref = useRef<HTMLTextAreaElement>(null);
  /** What the textarea holds as far as the plan knows: the view's value after our last edit or remote op. */
  const shown = useRef<string | null>(null);
  const stateRef = useRef<PlanState | null>(workspace.state);
  stateRef.current = workspace.state;
  const domId = `text-${kind}-${id}-${field}`;

  // A value that did not come through an op seen here (first render, snapshot after a long
  // disconnection): replace the text, keeping the caret where it was as far as possible.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null || el.value === value) {
      shown.current = value;
      return;
    }
    const focused = document.activeElement === el;
    const [start, end] = [el.selectionStart, el.selectionEnd];
    el.value = value;
    shown.current = value;
    if (focused) el.setSelectionRange(Math.min(start, value.length), Math.min(end, value.length));
  });

  useEffect(
    () =>
      workspace.effects.listen(fieldKey(kind, id, field), (op) => {
        const el = ref.current;
        if (el === null || shown.current === null || el.value !== shown.current) return; // re-rendered from the view instead
        const focused = document.activeElement === el;
        try {
          const next = applyRemote(el.value, { start: el.selectionStart, end: el.selectionEnd }, [op]);
          el.value = next.value;
          shown.current = next.value;
          if (focused) el.setSelectionRange(next.selection.start, next.selection.end);
        } catch {
          shown.current = null; // does not fit: the next render puts the view's value
        }
      }),
    [workspace.effects, kind, id, field],
  );

  const reportCaret = () => {
    const el = ref.current;
    const state = stateRef.current;
    if (el === null || state === null || document.activeElement !== el) return;
    const cursor = cursorToServer(state, kind, id, field, utf16ToCodePoint(el.value, el.selectionEnd));
    workspace.focus({ kind, entityId: id, field, cursor });
  };

  const onInput = (event: Event) => {
    const el = event.currentTarget as HTMLTextAreaElement;
    const before = shown.current ?? value;
    const op = inputOp(before, el.value, el.selectionEnd);
    if (op.length === 0) return;
    if (workspace.edit({ type: "text", kind, id, field, text: op })) shown.current = el.value;
    else el.value = before;
    reportCaret();
  };

  const state = workspace.state;
  return (
    <div class="text-body">
      <label class="visually-hidden" for={domId}>
        {label}
      </label>
      <textarea
        id={domId}
        ref={ref}
        class="text-body__input"
        rows={4}
        readOnly={readOnly}
        aria-describedby={carets.length > 0 ? `${domId}-carets` : undefined}
        onInput={onInput}
        onKeyUp={reportCaret}
        onMouseUp={reportCaret}
        onFocus={reportCaret}
        onSelect={reportCaret}
      />
      {carets.length > 0 && state !== null && (
        <ul class="carets" id={`${domId}-carets`} aria-live="polite">
          {carets.map((entry) => {
            const at = cursorToView(state, kind, id, field, entry.cursor ?? 0);
            const place = caretPlace(value, at);
            return (
              <li key={entry.clientId} class="carets__item">
                <Avatar entry={entry} small />
                <span>
                  {t.presence.caret(entry.displayName, place.line, place.column)}
                  {place.before.trim() !== "" && <span class="carets__context"> {t.presence.after(place.before)}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

