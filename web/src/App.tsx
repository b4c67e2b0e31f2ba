import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { problemMessage } from "./auth/problem";
import { session, useSession, type SessionState } from "./auth/session";
import { UserMenu } from "./components/UserMenu";
import { fr } from "./i18n/fr";
import { lazy, PageLoading } from "./lazy";
import { dismissNotice, useNotice } from "./notice";
import { currentRoute, navigate, returnRoute, routeHref, routePath, useRoute, type Route } from "./router";

// Pages are separate downloads: a signed-in visit never loads the forms, a signed-out one
// never loads the lists (nor SignalR).
const HomePage = lazy(() => import("./pages/Home").then((m) => m.HomePage));
const SignInPage = lazy(() => import("./pages/auth").then((m) => m.SignInPage));
const RegisterPage = lazy(() => import("./pages/auth").then((m) => m.RegisterPage));
const InvitationPage = lazy(() => import("./pages/auth").then((m) => m.InvitationPage));
const ProjectPage = lazy(() => import("./pages/Project").then((m) => m.ProjectPage));

/** Starts the session check and, in parallel, the download of the page most likely shown. */
export function startApp(): void {
  // A note about what the previous user did must not outlive their session.
  session.onSignedOut(dismissNotice);
  void session.refresh();
  const route = currentRoute();
  if (route.name === "home") void HomePage.preload().catch(() => undefined);
  else void SignInPage.preload().catch(() => undefined);
}

interface View {
  readonly title: string;
  readonly page: JSX.Element;
}

function view(route: Route, state: SessionState): View {
  if (state.status === "loading") return { title: fr.app.title, page: <PageLoading /> };
  if (state.status === "error") {
    return {
      title: fr.app.title,
      page: (
        <div class="panel" role="alert">
          <p>{fr.nav.sessionError}</p>
          <p class="muted">{problemMessage(state.problem)}</p>
          <button type="button" class="button" onClick={() => void session.refresh()}>
            {fr.nav.retry}
          </button>
        </div>
      ),
    };
  }
  const signedIn = state.status === "signedIn";
  switch (route.name) {
    case "home":
      return signedIn
        ? { title: fr.app.title, page: <HomePage /> }
        : { title: fr.pageTitle(fr.signIn.title), page: <SignInPage returnTo={null} email={null} /> };
    case "signIn":
    case "register":
      // Signed in: App redirects (effect below); show nothing meanwhile.
      if (signedIn) return { title: fr.app.title, page: <PageLoading /> };
      return route.name === "signIn"
        ? { title: fr.pageTitle(fr.signIn.title), page: <SignInPage returnTo={route.returnTo} email={route.email} /> }
        : { title: fr.pageTitle(fr.register.title), page: <RegisterPage returnTo={route.returnTo} email={route.email} /> };
    case "invitation":
      return { title: fr.pageTitle(fr.invitation.title), page: <InvitationPage key={route.token} token={route.token} /> };
    case "project":
      return signedIn
        ? { title: fr.app.title, page: <ProjectPage key={route.slug} slug={route.slug} /> }
        : { title: fr.pageTitle(fr.signIn.title), page: <SignInPage returnTo={routePath(route)} email={null} /> };
    case "notFound":
      return {
        title: fr.pageTitle(fr.nav.notFoundTitle),
        page: (
          <section class="panel" aria-labelledby="page-title">
            <h2 id="page-title">{fr.nav.notFoundTitle}</h2>
            <p>{fr.nav.notFoundText}</p>
            <p>
              <a href={routeHref({ name: "home" })}>{fr.nav.backHome}</a>
            </p>
          </section>
        ),
      };
  }
}

export function App() {
  const route = useRoute();
  const state = useSession();
  const notice = useNotice(route);
  const main = useRef<HTMLElement>(null);
  const href = routeHref(route);
  const { title, page } = view(route, state);
  const user = state.status === "signedIn" ? state.user : null;

  // Once signed in, the sign-in and register pages lead to where the user was going.
  useEffect(() => {
    if (user !== null && (route.name === "signIn" || route.name === "register")) {
      navigate(returnRoute(route.returnTo), { replace: true });
    }
  }, [href, user]);

  useEffect(() => {
    document.title = title;
  }, [title]);

  // After a change of page (not at load), move focus to the new content for screen readers.
  const shown = `${href}|${state.status}`;
  const previous = useRef(shown);
  useEffect(() => {
    if (previous.current === shown) return;
    const wasLoading = previous.current.endsWith("|loading");
    previous.current = shown;
    if (wasLoading) return;
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [shown]);

  return (
    <div class="app">
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {fr.nav.skipToContent}
      </a>
      <header class="topbar">
        <div class="topbar__inner">
          <div class="brand">
            <h1 class="brand__title">
              <a href={routeHref({ name: "home" })}>{fr.app.title}</a>
            </h1>
            <p class="brand__tagline">{fr.app.tagline}</p>
          </div>
          {user !== null && <UserMenu user={user} />}
        </div>
      </header>

      <main id="main" class="main" tabIndex={-1} ref={main}>
        {notice !== null && (
          <div class={`note note--${notice.kind} note--banner`} role="status">
            <p>{notice.text}</p>
            <button type="button" class="note__close" aria-label={fr.nav.close} onClick={dismissNotice}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        )}
        {page}
      </main>

      <footer class="footer">
        <span>{fr.app.footer}</span>
        <nav class="footer__links">
          <a href="/scalar">{fr.app.apiReference}</a>
          <a href="/dashboard/">{fr.app.dashboard}</a>
        </nav>
      </footer>
    </div>
  );
}
