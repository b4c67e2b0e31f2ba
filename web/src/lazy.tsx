// Pages loaded on demand (no preact/compat): keeps the first download small.

import type { ComponentType, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useT } from "./i18n";

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
      // Loaded between this render and its effect (effects run after paint): render it now.
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
  const t = useT();
  return (
    <p class="page-loading" role="status">
      {t.nav.loading}
    </p>
  );
}

function PageLoadError() {
  const t = useT();
  return (
    <div class="panel notice--error" role="alert">
      <p>{t.nav.pageLoadError}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {t.nav.reload}
      </button>
    </div>
  );
}
