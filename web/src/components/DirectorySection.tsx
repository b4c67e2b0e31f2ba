import { useMemo } from "preact/hooks";
import { useDirectory } from "../hooks";
import { useT } from "../i18n";
import { isFiltered, matchesDirectoryFilter, type DirectoryFilter } from "../directory/filters";
import type { DirectoryStore } from "../live/directoryStore";
import type { DirectoryName } from "../types";
import { EntryCard } from "./EntryCard";

interface Props {
  readonly name: DirectoryName;
  readonly store: DirectoryStore;
  readonly filter: DirectoryFilter;
  readonly now: number;
}

export function DirectorySection({ name, store, filter, now }: Props) {
  const t = useT();
  const view = useDirectory(store);
  const text = t.sections[name];
  const all = view.list.entries;
  const shown = useMemo(() => all.filter((e) => matchesDirectoryFilter(e, name, filter)), [all, name, filter]);
  // Before live data the list is already the server's search result: its size is all that is known.
  const filtered = isFiltered(filter) && store.live;
  const headingId = `section-${name}`;

  return (
    <section class={`section section--${name}`} aria-labelledby={headingId} aria-busy={view.loading}>
      <header class="section__head">
        <h2 id={headingId}>{text.title}</h2>
        {!view.loading && !view.error && (
          <span class="section__count">{filtered ? t.list.filteredCount(shown.length, all.length) : text.count(shown.length)}</span>
        )}
      </header>

      {view.loading ? (
        <div class="skeletons" aria-label={t.list.loading}>
          <div class="skeleton" />
          <div class="skeleton" />
          <div class="skeleton" />
        </div>
      ) : view.error ? (
        <div class="notice notice--error" role="alert">
          <p>{t.list.loadError}</p>
          <button type="button" class="button" onClick={() => store.reload()}>
            {t.list.retry}
          </button>
        </div>
      ) : all.length === 0 && !isFiltered(filter) ? (
        <p class="notice">{text.empty}</p>
      ) : shown.length === 0 ? (
        <p class="notice">{t.list.noMatch}</p>
      ) : (
        <div class="cards">
          {shown.map((entry) => (
            <EntryCard key={entry.slug} entry={entry} fresh={view.fresh.has(entry.slug)} now={now} />
          ))}
        </div>
      )}
    </section>
  );
}
