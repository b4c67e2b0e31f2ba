// A one-off note shown under the header after an action ("Vous avez rejoint le projet…").
// It belongs to the page it was shown on and disappears when the user goes elsewhere.

import { useEffect, useState } from "preact/hooks";
import { routeHref, type Route } from "./router";

export interface Notice {
  readonly text: string;
  readonly kind: "success" | "info";
  /** Hash of the page the note is for. */
  readonly href: string;
}

let current: Notice | null = null;
const listeners = new Set<() => void>();

function set(notice: Notice | null): void {
  current = notice;
  for (const listener of listeners) listener();
}

/** Shows `text` on `route` (navigate there next). */
export function showNotice(text: string, route: Route, kind: Notice["kind"] = "success"): void {
  set({ text, kind, href: routeHref(route) });
}

export function dismissNotice(): void {
  set(null);
}

/** The note for the current route (a note for another page is dropped). */
export function useNotice(route: Route): Notice | null {
  const [notice, setNotice] = useState(current);
  useEffect(() => {
    const update = () => setNotice(current);
    listeners.add(update);
    update();
    return () => void listeners.delete(update);
  }, []);
  const href = routeHref(route);
  useEffect(() => {
    if (current !== null && current.href !== href) set(null);
  }, [href]);
  return notice !== null && notice.href === href ? notice : null;
}
