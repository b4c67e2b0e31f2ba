import { useMemo, useState } from "preact/hooks";
import { session } from "../auth/session";
import { ConnectionBadge } from "../components/ConnectionBadge";
import { DirectorySection } from "../components/DirectorySection";
import type { EntryFilter } from "../format";
import { useConnectionState, useTick } from "../hooks";
import { useT } from "../i18n";
import { DirectoryStore } from "../live/directoryStore";
import { liveClient } from "../live/liveClient";
import type { DirectoryName, Region } from "../types";

const DIRECTORIES: readonly DirectoryName[] = ["cooperatives", "diaspora-groups", "projects"];
const REGIONS: readonly Region[] = ["kaolack", "oriental"];

// The hub connection is only for signed-in users: close it when the session ends.
session.onSignedOut(() => liveClient().stop());

/** The three live lists. Only rendered for a signed-in user. */
export function HomePage() {
  const t = useT();
  const client = liveClient();
  // New stores on each visit: after a change of user, nothing from the previous one is shown.
  const stores = useMemo(
    () => new Map(DIRECTORIES.map((name) => [name, new DirectoryStore(name, client)] as const)),
    [client],
  );
  const connection = useConnectionState(client);
  const now = useTick(30_000);
  const [query, setQuery] = useState("");
  const [region, setRegion] = useState<Region | null>(null);
  const filter = useMemo<EntryFilter>(() => ({ query, region }), [query, region]);

  return (
    <>
      <h2 class="visually-hidden" id="page-title">
        {t.nav.home}
      </h2>
      <div class="toolbar" role="search">
        <label class="search">
          <span class="visually-hidden">{t.filters.searchLabel}</span>
          <svg class="icon search__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
              fill="currentColor"
              d="M7 1.5a5.5 5.5 0 0 1 4.4 8.8l3.2 3.1a.8.8 0 0 1-1.1 1.1l-3.1-3.2A5.5 5.5 0 1 1 7 1.5Zm0 1.6a3.9 3.9 0 1 0 0 7.8 3.9 3.9 0 0 0 0-7.8Z"
            />
          </svg>
          <input
            type="search"
            value={query}
            placeholder={t.filters.searchPlaceholder}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        <div class="segmented" role="group" aria-label={t.filters.regionLabel}>
          <button type="button" aria-pressed={region === null} onClick={() => setRegion(null)}>
            {t.filters.allRegions}
          </button>
          {REGIONS.map((r) => (
            <button key={r} type="button" class={`seg--${r}`} aria-pressed={region === r} onClick={() => setRegion(r)}>
              {t.regions[r]}
            </button>
          ))}
        </div>
        <ConnectionBadge state={connection} />
      </div>

      <div class="columns">
        {DIRECTORIES.map((name) => (
          <DirectorySection key={name} name={name} store={stores.get(name)!} filter={filter} now={now} />
        ))}
      </div>
    </>
  );
}
