import { useEffect, useState } from "preact/hooks";
import type { DirectoryStore, DirectoryView } from "./live/directoryStore";
import type { ConnectionState, LiveClient } from "./live/liveClient";

export function useDirectory(store: DirectoryStore): DirectoryView {
  const [view, setView] = useState(store.current);
  useEffect(() => {
    const off = store.listen(() => setView(store.current));
    setView(store.current);
    return off;
  }, [store]);
  return view;
}

export function useConnectionState(client: LiveClient): ConnectionState {
  const [state, setState] = useState(client.state);
  useEffect(() => client.onStateChange(setState), [client]);
  return state;
}

/** Re-renders every `ms` milliseconds (for relative dates). */
export function useTick(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
