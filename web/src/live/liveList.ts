// Pure logic of a live directory list: applying hub events to a list of entries,
// de-duplicating by directory version, replacing on snapshots. No I/O here.

import type { DirectoryEntry, LiveEvent, SubscribeResult } from "../types";

export interface LiveListState {
  /** Entries, sorted by name (French collation). */
  readonly entries: readonly DirectoryEntry[];
  /** Last directory version applied from the live feed; null until the first live data. */
  readonly version: number | null;
}

export const emptyLiveList: LiveListState = Object.freeze({ entries: Object.freeze([]), version: null });

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

export function compareEntries(a: DirectoryEntry, b: DirectoryEntry): number {
  return collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

function sorted(entries: readonly DirectoryEntry[]): readonly DirectoryEntry[] {
  return [...entries].sort(compareEntries);
}

function isEntry(value: unknown): value is DirectoryEntry {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v["slug"] === "string" && typeof v["name"] === "string";
}

function slugOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const slug = (value as Record<string, unknown>)["slug"];
  return typeof slug === "string" ? slug : null;
}

function snapshotEntries(data: unknown): readonly DirectoryEntry[] | null {
  if (typeof data !== "object" || data === null) return null;
  const entries = (data as Record<string, unknown>)["entries"];
  return Array.isArray(entries) ? entries.filter(isEntry) : null;
}

/**
 * Entries loaded over REST. They carry no directory version, so they only fill an
 * empty, not-yet-live list: once live data arrived, a late REST answer is older.
 */
export function applyRestItems(state: LiveListState, items: readonly DirectoryEntry[]): LiveListState {
  if (state.version !== null) return state;
  return { entries: sorted(items.filter(isEntry)), version: null };
}

/** True when `event` is already reflected in `state` (same or older directory version). */
export function isStale(state: LiveListState, event: LiveEvent): boolean {
  return state.version !== null && event.version <= state.version;
}

/**
 * Applies one pushed event. Events with a version <= the last seen are ignored
 * (the same state object is returned, so callers can skip a re-render).
 */
export function applyLiveEvent(state: LiveListState, event: LiveEvent): LiveListState {
  if (isStale(state, event)) return state;
  return applyUnchecked(state, event);
}

function applyUnchecked(state: LiveListState, event: LiveEvent): LiveListState {
  switch (event.change) {
    case "snapshot": {
      const entries = snapshotEntries(event.data);
      if (entries === null) return { ...state, version: event.version };
      return { entries: sorted(entries), version: event.version };
    }
    case "created":
    case "updated": {
      if (!isEntry(event.data)) return { ...state, version: event.version };
      const entry = event.data;
      const rest = state.entries.filter((e) => e.slug !== entry.slug);
      return { entries: sorted([...rest, entry]), version: event.version };
    }
    case "deleted": {
      const slug = slugOf(event.data);
      const entries = slug === null ? state.entries : state.entries.filter((e) => e.slug !== slug);
      return { entries, version: event.version };
    }
    default:
      // Unknown change kind from a newer server: remember the version, keep the list.
      return { ...state, version: event.version };
  }
}

/**
 * Applies the answer of Subscribe(topic, sinceVersion), then the events pushed while
 * that call was in flight (`buffered`, in arrival order).
 *
 * A snapshot inside the answer is authoritative even if its version is lower than the
 * last one seen: that only happens when the server's directory was reset.
 */
export function applySubscribeResult(
  state: LiveListState,
  result: SubscribeResult,
  buffered: readonly LiveEvent[] = [],
): LiveListState {
  let next = state;
  for (const event of result.events) {
    next = event.change === "snapshot" ? applyUnchecked(next, event) : applyLiveEvent(next, event);
  }
  if (next.version === null || result.version > next.version) {
    // Nothing missed up to result.version (or an empty answer): we are current.
    next = { ...next, version: result.version };
  }
  for (const event of buffered) next = applyLiveEvent(next, event);
  return next;
}
