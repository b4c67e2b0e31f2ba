// Glue between the REST API, the live hub and the pure list logic, for one directory.

import { fetchDirectory, type DirectoryQuery } from "../api";
import { directoryTopic, type DirectoryEntry, type DirectoryName, type LiveEvent, type SubscribeResult } from "../types";
import type { LiveClient } from "./liveClient";
import {
  applyLiveEvent,
  applyRestItems,
  applySubscribeResult,
  emptyLiveList,
  type LiveListState,
} from "./liveList";

export interface DirectoryView {
  readonly list: LiveListState;
  /** Nothing to show yet (neither REST nor live data). */
  readonly loading: boolean;
  /** The REST load failed and no live data arrived. */
  readonly error: boolean;
  /** Slugs created or updated live in the last few seconds (for highlighting). */
  readonly fresh: ReadonlySet<string>;
}

const FRESH_MS = 4_000;
const QUERY_DELAY_MS = 200;

export class DirectoryStore {
  private view: DirectoryView = { list: emptyLiveList, loading: true, error: false, fresh: new Set() };
  private readonly listeners = new Set<() => void>();
  private readonly freshTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private abort: AbortController | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly topic: string;
  private query: DirectoryQuery = {};
  private queryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly name: DirectoryName,
    private readonly client: LiveClient,
  ) {
    this.topic = directoryTopic(name);
  }

  get current(): DirectoryView {
    return this.view;
  }

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /**
   * The search of the list. Until live data arrives (and whenever the hub is unreachable) the list
   * is the server's search result for it; live data is the whole directory, which the page filters
   * with the same rules. Typing refines the search, so the request waits for a short pause.
   */
  setQuery(query: DirectoryQuery): void {
    if (JSON.stringify(query) === JSON.stringify(this.query)) return;
    this.query = query;
    clearTimeout(this.queryTimer);
    if (this.listeners.size === 0 || this.view.list.version !== null) return;
    this.queryTimer = setTimeout(() => void this.load(), QUERY_DELAY_MS);
  }

  /** True once the list is the live directory (else it is a REST search result). */
  get live(): boolean {
    return this.view.list.version !== null;
  }

  /** Loads the list over REST again (after an error). */
  reload(): void {
    this.update({ error: false, loading: this.view.list.entries.length === 0 && this.view.list.version === null });
    void this.load();
  }

  private start(): void {
    void this.load();
    this.unsubscribe = this.client.subscribe(this.topic, {
      sinceVersion: () => this.view.list.version,
      onSubscribed: (result, buffered) => this.onSubscribed(result, buffered),
      onEvent: (event) => this.onEvent(event),
    });
  }

  private stop(): void {
    this.abort?.abort();
    clearTimeout(this.queryTimer);
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const timer of this.freshTimers.values()) clearTimeout(timer);
    this.freshTimers.clear();
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      const page = await fetchDirectory(this.name, this.query, abort.signal);
      this.update({ list: applyRestItems(this.view.list, page.items), loading: false, error: false });
    } catch (error: unknown) {
      if (abort.signal.aborted) return;
      const live = this.view.list.version !== null;
      this.update({ loading: false, error: !live });
      if (!live) console.warn(`Kaolack: could not load ${this.name}`, error);
    }
  }

  private onSubscribed(result: SubscribeResult, buffered: readonly LiveEvent[]): void {
    const list = applySubscribeResult(this.view.list, result, buffered);
    // Live data supersedes any pending REST answer.
    if (list.version !== null) this.abort?.abort();
    const changed = [...result.events, ...buffered].filter((e) => e.change === "created" || e.change === "updated");
    this.update({ list, loading: false, error: false });
    this.markFresh(changed);
  }

  /**
   * Versions may skip: a directory withholds entries this user may not see (projects of others), and
   * the server already fills any gap it loses itself, so a gap is never a reason to refetch.
   */
  private onEvent(event: LiveEvent): void {
    const list = applyLiveEvent(this.view.list, event);
    if (list === this.view.list) return;
    this.update({ list, loading: false, error: false });
    this.markFresh([event]);
  }

  private markFresh(events: readonly LiveEvent[]): void {
    const slugs = events
      .filter((e) => e.change === "created" || e.change === "updated")
      .map((e) => (e.data as Partial<DirectoryEntry> | null)?.slug)
      .filter((slug): slug is string => typeof slug === "string");
    if (slugs.length === 0) return;
    for (const slug of slugs) {
      clearTimeout(this.freshTimers.get(slug));
      this.freshTimers.set(
        slug,
        setTimeout(() => {
          this.freshTimers.delete(slug);
          const fresh = new Set(this.view.fresh);
          fresh.delete(slug);
          this.update({ fresh });
        }, FRESH_MS),
      );
    }
    this.update({ fresh: new Set([...this.view.fresh, ...slugs]) });
  }

  private update(patch: Partial<DirectoryView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }
}
