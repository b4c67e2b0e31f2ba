// Registers the service worker (built as /sw.js) and reports the reads it answered from what it kept, offline.

import { useEffect, useState } from "preact/hooks";

export interface OfflineRead {
  /** When the answer shown was saved (ISO 8601). */
  readonly savedAt: string;
}

type Listener = (read: OfflineRead | null) => void;

const listeners = new Set<Listener>();
let oldest: OfflineRead | null = null;

/** Only in a built app: the dev server serves sources, which the worker does not know. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event: MessageEvent) => {
    const data = event.data as { type?: string; savedAt?: unknown } | null;
    if (data?.type === "kaolack-offline-read" && typeof data.savedAt === "string") offlineRead(data.savedAt);
  });
  window.addEventListener("online", () => publish(null));
  // After the page has loaded: storing the shell must not take the weak link from what the page needs first.
  const register = () => void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

/** The oldest of the answers shown offline is the age the page states. */
export function offlineRead(savedAt: string): void {
  if (oldest === null || savedAt < oldest.savedAt) publish({ savedAt });
}

function publish(read: OfflineRead | null): void {
  oldest = read;
  for (const listener of listeners) listener(read);
}

/** Null while the page shows what the server answered; else when the oldest answer shown offline was saved. */
export function useOfflineRead(): OfflineRead | null {
  const [read, setRead] = useState(oldest);
  useEffect(() => {
    listeners.add(setRead);
    setRead(oldest);
    return () => void listeners.delete(setRead);
  }, []);
  return read;
}
