// The joint project shown by the workspace: GET /api/projects/{slug}, then live on the topic
// "project:{slug}" (every event carries the whole project at its version).

import { reportUnauthorized } from "../auth/session";
import type { LiveClient } from "../live/liveClient";
import type { LiveEvent, SubscribeResult } from "../types";
import type { JointProject } from "../wire/contract";

export type { ActivityEntry, JointProject, ProjectMember, ProjectPartner } from "../wire/contract";

export type ProjectLoad =
  | { readonly state: "loading" }
  | { readonly state: "error"; readonly reason: "not-found" | "forbidden" | "failed" }
  | { readonly state: "loaded"; readonly project: JointProject; readonly deleted: boolean };

const isProject = (value: unknown): value is JointProject =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { meta?: { version?: unknown } }).meta?.version === "number" &&
  typeof (value as { charter?: unknown }).charter === "object" &&
  Array.isArray((value as { members?: unknown }).members);

/**
 * Follows one project: REST first, live events after; a newer version always wins, so the REST
 * answer and the live events may arrive in any order.
 */
export class ProjectStore {
  private load: ProjectLoad = { state: "loading" };
  private readonly listeners = new Set<(load: ProjectLoad) => void>();
  private abort: AbortController | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly slug: string,
    private readonly client: LiveClient,
  ) {}

  get current(): ProjectLoad {
    return this.load;
  }

  listen(listener: (load: ProjectLoad) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  reload(): void {
    this.set({ state: "loading" });
    void this.fetch();
  }

  private get version(): number | null {
    return this.load.state === "loaded" ? this.load.project.meta.version : null;
  }

  private start(): void {
    void this.fetch();
    this.unsubscribe = this.client.subscribe(`project:${this.slug}`, {
      sinceVersion: () => this.version,
      onSubscribed: (result: SubscribeResult, buffered: readonly LiveEvent[]) => {
        for (const event of [...result.events, ...buffered]) this.onEvent(event);
      },
      onEvent: (event) => this.onEvent(event),
    });
  }

  private stop(): void {
    this.abort?.abort();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private async fetch(): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      const response = await fetch(`/api/projects/${encodeURIComponent(this.slug)}`, {
        headers: { Accept: "application/json" },
        signal: abort.signal,
      });
      if (response.status === 401) reportUnauthorized();
      if (!response.ok) {
        // Neither will the topic answer: stop asking it.
        if (response.status === 403 || response.status === 404) this.stop();
        if (this.load.state !== "loaded") {
          this.set({ state: "error", reason: response.status === 404 ? "not-found" : response.status === 403 ? "forbidden" : "failed" });
        }
        return;
      }
      const body: unknown = await response.json();
      if (isProject(body)) this.offer(body);
    } catch {
      if (!abort.signal.aborted && this.load.state !== "loaded") this.set({ state: "error", reason: "failed" });
    }
  }

  private onEvent(event: LiveEvent): void {
    if (event.change === "deleted" && this.load.state === "loaded") {
      this.set({ ...this.load, deleted: true });
      return;
    }
    if (isProject(event.data)) this.offer(event.data);
  }

  private offer(project: JointProject): void {
    const version = this.version;
    if (version !== null && project.meta.version <= version) return;
    this.set({ state: "loaded", project, deleted: false });
  }

  private set(load: ProjectLoad): void {
    this.load = load;
    for (const listener of this.listeners) listener(load);
  }
}
