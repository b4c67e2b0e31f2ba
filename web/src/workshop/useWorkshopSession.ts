// The open workshop page's session: follows it live (leaving when the page goes), sends commands and keeps why the
// last one failed, and notes when the coach brought everyone to another item (not on the first view).

import { useEffect, useRef, useState } from "preact/hooks";
import { useWorkshopT } from "../i18n/workshop";
import { failureText, WorkshopLiveSession, type SessionLoad } from "./liveSession";
import type { Run } from "./Part";

export interface WorkshopSession {
  readonly load: SessionLoad;
  readonly run: Run;
  /** Why the last command failed, in words to show; null once one succeeds or it is dismissed. */
  readonly failure: string | null;
  readonly dismissFailure: () => void;
  /** The coach brought everyone to the current item since this page opened. */
  readonly broughtBack: boolean;
  readonly dismissBroughtBack: () => void;
}

export function useWorkshopSession(id: string): WorkshopSession {
  const w = useWorkshopT();
  const [load, setLoad] = useState<SessionLoad>({ status: "loading" });
  const [failure, setFailure] = useState<string | null>(null);
  const session = useRef<WorkshopLiveSession | null>(null);

  useEffect(() => {
    const live = new WorkshopLiveSession(id);
    session.current = live;
    const off = live.listen(setLoad);
    void live.open();
    const leave = () => live.close();
    window.addEventListener("pagehide", leave);
    return () => {
      off();
      window.removeEventListener("pagehide", leave);
      live.close();
    };
  }, [id]);

  const run: Run = async (command) => {
    const live = session.current;
    if (live === null) return false;
    const failed = await live.command(command);
    setFailure(failed === null ? null : failureText(failed, w.session.offlineAction));
    return failed === null;
  };

  const gathered = load.status === "loaded" ? load.view.gathered : null;
  const lastGathered = useRef<number | null>(null);
  const phase = load.status === "loaded" ? load.view.phase : null;
  const lastPhase = useRef(phase);
  const [broughtBack, setBroughtBack] = useState(false);
  useEffect(() => {
    if (gathered === null) return;
    // Starting gathers everyone on the first item too: only a later "bring everyone here" is worth a note.
    const wasLive = lastPhase.current === "live";
    lastPhase.current = phase;
    if (wasLive && lastGathered.current !== null && gathered > lastGathered.current && load.status === "loaded" && !load.view.you.isCoach) {
      setBroughtBack(true);
      document.getElementById("ws-current")?.scrollIntoView({ block: "start" });
    }
    lastGathered.current = gathered;
  }, [gathered, phase]);

  return { load, run, failure, dismissFailure: () => setFailure(null), broughtBack, dismissBroughtBack: () => setBroughtBack(false) };
}
