// The dashboards' data on a page: read over REST first (fast first paint), then kept current by
// the live topics. The unfiltered programme applies each push itself; a filtered one reads the
// REST view again after a push (pushes are coalesced server-side, a few per second at most), since
// pushes carry the indicators of the whole programme; so does a reader who sees only their own projects,
// whose pushes carry no indicators at all.

import { useEffect, useState } from "preact/hooks";
import { HttpError } from "../api";
import { liveClient } from "../live/liveClient";
import type { LiveEvent, SubscribeResult } from "../types";
import { fetchPlan, fetchProgramme, fetchProjectSummary } from "./dashboardApi";
import { dashboardFilterParams, isDashboardFiltered, type DashboardFilter } from "./filters";
import { applyProgrammeEvent, applySummaryEvent, carriesProgrammeNumbers, sortRows, type SummaryState } from "./live";
import type { PlanDocument } from "../plan/types";
import { PROGRAMME_TOPIC, projectSummaryTopic, type ProgrammeDashboard } from "./types";

/** Quiet time before a filtered dashboard is read again after pushes. */
const REFRESH_DELAY_MS = 150;

export interface ProgrammeView {
  readonly dashboard: ProgrammeDashboard | null;
  readonly error: boolean;
  /** When the numbers shown last changed (ISO 8601). */
  readonly updatedAt: string | null;
}

export function useProgrammeDashboard(filter: DashboardFilter, attempt: number): ProgrammeView {
  const [view, setView] = useState<ProgrammeView>({ dashboard: null, error: false, updatedAt: null });
  const key = dashboardFilterParams(filter).toString();

  useEffect(() => {
    const client = liveClient();
    const filtered = isDashboardFiltered(filter);
    const abort = new AbortController();
    let shown: ProgrammeDashboard | null = null;
    let seen: number | null = null;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    setView({ dashboard: null, error: false, updatedAt: null });

    const show = (dashboard: ProgrammeDashboard, at: string) => {
      shown = dashboard;
      seen = Math.max(seen ?? 0, dashboard.version);
      setView({ dashboard, error: false, updatedAt: at });
    };
    const load = async () => {
      try {
        const read = await fetchProgramme(filter, abort.signal);
        // Unfiltered, a push may have been applied meanwhile: keep the newer one.
        if (filtered || shown === null || read.version >= shown.version) show({ ...read, projects: sortRows(read.projects) }, new Date().toISOString());
      } catch (error: unknown) {
        // Signed out (401): the session takes the user to the sign-in page.
        if (abort.signal.aborted || shown !== null || (error instanceof HttpError && error.status === 401)) return;
        setView((v) => ({ ...v, error: true }));
      }
    };
    const onEvent = (event: LiveEvent) => {
      if (filtered || !carriesProgrammeNumbers(event)) {
        seen = Math.max(seen ?? 0, event.version);
        clearTimeout(refresh);
        refresh = setTimeout(() => void load(), REFRESH_DELAY_MS);
        return;
      }
      const update = applyProgrammeEvent(shown, event);
      if (update.kind === "applied") show(update.dashboard, event.at);
      else if (update.kind === "gap") client.resync(PROGRAMME_TOPIC);
    };
    void load();
    const stop = client.subscribe(PROGRAMME_TOPIC, {
      sinceVersion: () => seen,
      onSubscribed(result: SubscribeResult, buffered: readonly LiveEvent[]) {
        for (const event of [...result.events, ...buffered]) onEvent(event);
      },
      onEvent,
    });
    return () => {
      abort.abort();
      clearTimeout(refresh);
      stop();
    };
  }, [key, attempt]);

  return view;
}

export type SummaryView = SummaryState | { readonly kind: "forbidden" | "error" };

export interface ProjectStatusView {
  readonly summary: SummaryView;
  /** The plan's milestones (null until read). */
  readonly plan: PlanDocument | null;
  readonly updatedAt: string | null;
}

export function useProjectStatus(slug: string): ProjectStatusView {
  const [summary, setSummary] = useState<SummaryView>({ kind: "loading" });
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [plan, setPlan] = useState<PlanDocument | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let state: SummaryState = { kind: "loading" };
    const apply = (next: SummaryState, at: string) => {
      if (next === state) return;
      state = next;
      setSummary(next);
      setUpdatedAt(at);
    };
    fetchProjectSummary(slug, abort.signal).then(
      (read) => apply(applySummaryEvent(state, { topic: "", version: read.version, change: "snapshot", at: "", data: read }), new Date().toISOString()),
      (error: unknown) => {
        if (abort.signal.aborted || state.kind !== "loading") return;
        const status = error instanceof HttpError ? error.status : 0;
        state = { kind: "missing" };
        setSummary(status === 404 ? state : { kind: status === 403 ? "forbidden" : "error" });
      },
    );
    // Every push is the whole summary: no version to resume from.
    const stop = liveClient().subscribe(projectSummaryTopic(slug), {
      sinceVersion: () => null,
      onSubscribed(result, buffered) {
        for (const event of [...result.events, ...buffered]) apply(applySummaryEvent(state, event), event.at);
      },
      onEvent: (event) => apply(applySummaryEvent(state, event), event.at),
    });
    return () => {
      abort.abort();
      stop();
    };
  }, [slug]);

  // The milestones list comes from the plan: read it again whenever the plan behind the summary moved.
  const planVersion = summary.kind === "shown" ? summary.summary.planVersion : null;
  useEffect(() => {
    if (planVersion === null) return;
    const abort = new AbortController();
    fetchPlan(slug, abort.signal).then(
      (snapshot) => setPlan(snapshot.document),
      () => undefined,
    );
    return () => abort.abort();
  }, [slug, planVersion]);

  return { summary, plan, updatedAt };
}
