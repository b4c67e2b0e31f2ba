// A scalar field of the plan edited in place: typed locally, sent as one set op on change or
// blur (Enter too); while the user types, others' changes to it wait for the blur.

import { useState } from "preact/hooks";
import { PLAN_LIMITS } from "../plan/types";

interface ScalarFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly readOnly: boolean;
  readonly type?: "text" | "date";
  readonly placeholder?: string;
  readonly class?: string;
  readonly onCommit: (value: string) => void;
  readonly onFocus: () => void;
}

export function ScalarField({ id, label, value, readOnly, type = "text", placeholder, class: className, onCommit, onFocus }: ScalarFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  // Reads the control, not `draft`: an input and its change can come before a re-render.
  const commit = (typed: string) => {
    if (typed !== value) onCommit(typed.trim() === "" ? "" : typed);
    setDraft(null);
  };
  const common = {
    id,
    class: `cell-input${className ? ` ${className}` : ""}`,
    "aria-label": label,
    value: draft ?? value,
    readOnly,
    placeholder: placeholder ?? "",
    onFocus,
    onInput: (e: Event) => setDraft((e.currentTarget as HTMLInputElement).value),
    onBlur: (e: Event) => {
      if (draft !== null) commit((e.currentTarget as HTMLInputElement).value);
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === "Enter") commit((e.currentTarget as HTMLInputElement).value);
      else if (e.key === "Escape") setDraft(null);
    },
  };
  // A date picker commits at once; text waits for the end of typing.
  return type === "date" ? (
    <input type="date" {...common} onChange={(e) => commit(e.currentTarget.value)} />
  ) : (
    <input type="text" maxLength={PLAN_LIMITS.scalarLength} {...common} />
  );
}

interface ChoiceFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly readOnly: boolean;
  readonly options: readonly (readonly [value: string, label: string])[];
  readonly onCommit: (value: string) => void;
  readonly onFocus: () => void;
}

export function ChoiceField({ id, label, value, readOnly, options, onCommit, onFocus }: ChoiceFieldProps) {
  return (
    <select
      id={id}
      class="cell-input"
      aria-label={label}
      value={value}
      disabled={readOnly}
      onFocus={onFocus}
      onChange={(e) => {
        if (e.currentTarget.value !== value) onCommit(e.currentTarget.value);
      }}
    >
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}
