// Pages loaded on demand (no preact/compat): keeps the first download small.

import type { ComponentType, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { fr } from "./i18n/fr";

export interface LazyComponent<P> {
  (props: P): JSX.Element;
  /** Starts the download now (e.g. while /api/auth/me is pending). */
  preload(): Promise<void>;
}

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = (): Promise<void> => {
    pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };

  function Lazy(props: P) {
    const [, setReady] = useState(loaded !== null);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      // Loaded between this render and now: render again, or the page would wait forever.
      if (loaded !== null) {
        setReady(true);
        return;
      }
      let live = true;
      preload().then(
        () => live && setReady(true),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded !== null) {
      const Component = loaded;
      return <Component {...props} />;
    }
    return failed ? <PageLoadError /> : <PageLoading />;
  }
  return Object.assign(Lazy, { preload });
}

export function PageLoading() {
  return (
    <p class="page-loading" role="status">
      {fr.nav.loading}
    </p>
  );
}

function PageLoadError() {
  return (
    <div class="panel notice--error" role="alert">
      <p>{fr.nav.pageLoadError}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {fr.nav.reload}
      </button>
    </div>
  );
}
