// The controls of list filters (directory, dashboard): the region as a segmented choice, and a select of values
// whose first option is "any" (no filter).

import { useT } from "../i18n";
import type { Region } from "../types";
import { REGION_VALUES } from "../wire/contract";

export function RegionFilter(props: { readonly label: string; readonly allLabel: string; readonly value: Region | null; readonly onChange: (region: Region | null) => void }) {
  const t = useT();
  return (
    <div class="segmented" role="group" aria-label={props.label}>
      <button type="button" aria-pressed={props.value === null} onClick={() => props.onChange(null)}>
        {props.allLabel}
      </button>
      {REGION_VALUES.map((r) => (
        <button key={r} type="button" class={`seg--${r}`} aria-pressed={props.value === r} onClick={() => props.onChange(r)}>
          {t.regions[r]}
        </button>
      ))}
    </div>
  );
}

export function ChoiceFilter<T extends string>(props: {
  readonly id: string;
  readonly label: string;
  readonly anyLabel: string;
  readonly value: T | null;
  readonly choices: readonly T[];
  readonly text: (choice: T) => string;
  readonly onChange: (choice: T | null) => void;
}) {
  return (
    <label class="select">
      <span class="select__label">{props.label}</span>
      <select id={props.id} value={props.value ?? ""} onChange={(e) => props.onChange((e.currentTarget.value || null) as T | null)}>
        <option value="">{props.anyLabel}</option>
        {props.choices.map((choice) => (
          <option key={choice} value={choice}>
            {props.text(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}
