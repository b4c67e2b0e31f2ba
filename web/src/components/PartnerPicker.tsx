// Partners picked from the directory as one types (cooperatives and diaspora groups), shown as a removable list:
// on the creation of a project and in its settings.

import { useEffect, useState } from "preact/hooks";
import { fetchDirectory } from "../api";
import { useT } from "../i18n";
import { useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import type { DirectoryEntry, EntityKind, Region } from "../wire/contract";
import { Field } from "./Field";

/** Typing pauses this long before the directory is searched. */
const SEARCH_PAUSE_MS = 250;

/** A partner already chosen (picked here, or already on the project). */
export interface ChosenPartner {
  readonly kind: EntityKind;
  readonly slug: string;
  readonly name: string;
  readonly regions: readonly Region[];
}

interface PartnerPickerProps {
  readonly id: string;
  readonly chosen: readonly ChosenPartner[];
  readonly onAdd: (entry: DirectoryEntry) => void;
  readonly onRemove: (partner: ChosenPartner) => void;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
}

export function PartnerPicker({ id, chosen, onAdd, onRemove, error, disabled = false }: PartnerPickerProps) {
  const t = useT();
  const m = useMessages(manageMessages).create;
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<readonly DirectoryEntry[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q === "") {
      setFound([]);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      Promise.all([fetchDirectory("cooperatives", { q, pageSize: 8 }, abort.signal), fetchDirectory("diaspora-groups", { q, pageSize: 8 }, abort.signal)])
        .then(([cooperatives, groups]) => {
          setFound([...cooperatives.items, ...groups.items]);
          setFailed(false);
        })
        .catch(() => !abort.signal.aborted && setFailed(true));
    }, SEARCH_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  const isChosen = (entry: ChosenPartner) => chosen.some((c) => c.kind === entry.kind && c.slug === entry.slug);
  const shown = found.filter((entry) => !isChosen(entry));
  const region = (entry: ChosenPartner) => entry.regions.map((r) => t.regions[r]).join(", ");

  return (
    <fieldset class="partner-picker">
      <legend>{m.project.partners}</legend>
      <p class="field__hint">{m.project.partnersHint}</p>
      {error !== undefined && <p class="field__error">{error}</p>}
      {chosen.length > 0 && (
        <ul class="partner-picker__chosen" aria-label={m.project.chosen}>
          {chosen.map((entry) => (
            <li key={`${entry.kind}/${entry.slug}`}>
              <span>
                {entry.name} <span class="muted">({region(entry)})</span>
              </span>{" "}
              <button type="button" class="button button--quiet" aria-label={m.project.remove(entry.name)} disabled={disabled} onClick={() => onRemove(entry)}>
                {m.project.removeShort}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Field id={id} label={m.project.search}>
        {(control) => <input {...control} type="search" autocomplete="off" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />}
      </Field>
      <p class="muted" role="status">
        {failed ? m.project.searchFailed : query.trim() !== "" && shown.length === 0 ? m.project.noMatch : ""}
      </p>
      {shown.length > 0 && (
        <ul class="partner-picker__found" aria-label={m.project.found}>
          {shown.map((entry) => (
            <li key={`${entry.kind}/${entry.slug}`}>
              <button type="button" class="button" disabled={disabled} onClick={() => onAdd(entry)}>
                {m.project.add(entry.name, region(entry))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
