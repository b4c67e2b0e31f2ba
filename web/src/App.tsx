import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { problemMessage } from "./auth/problem";
import { session, useSession, type SessionState } from "./auth/session";
import { ConnectionBadge } from "./components/ConnectionBadge";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { useConnectionState } from "./hooks";
import { liveClient } from "./live/liveClient";
import { UserMenu } from "./components/UserMenu";
import { useT, type Messages } from "./i18n";
import { lazy, PageLoading } from "./lazy";
import { dismissNotice, useNotice } from "./notice";
import { OfflineBanner } from "./offline/OfflineBanner";
import { currentRoute, navigate, returnRoute, routeHref, routePage, routePath, useRoute, type Route } from "./router";

// Pages are separate downloads: a signed-in visit never loads the forms, a signed-out one
// never loads the lists (nor SignalR).
const DirectoryPage = lazy(() => import("./pages/Directory").then((m) => m.DirectoryPage));
const CooperativePage = lazy(() => import("./pages/profiles").then((m) => m.CooperativePage));
const DiasporaGroupPage = lazy(() => import("./pages/profiles").then((m) => m.DiasporaGroupPage));
const OrganisationPage = lazy(() => import("./pages/profiles").then((m) => m.OrganisationPage));
const SignInPage = lazy(() => import("./pages/auth").then((m) => m.SignInPage));
const RegisterPage = lazy(() => import("./pages/auth").then((m) => m.RegisterPage));
const InvitationPage = lazy(() => import("./pages/auth").then((m) => m.InvitationPage));
const VerificationPage = lazy(() => import("./pages/auth").then((m) => m.VerificationPage));
const ForgotPasswordPage = lazy(() => import("./pages/auth").then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = lazy(() => import("./pages/auth").then((m) => m.ResetPasswordPage));
const AccountPage = lazy(() => import("./pages/Account").then((m) => m.AccountPage));
const AdminPage = lazy(() => import("./admin/AdminPage").then((m) => m.AdminPage));
const NewCooperativePage = lazy(() => import("./pages/Create").then((m) => m.NewCooperativePage));
const NewDiasporaGroupPage = lazy(() => import("./pages/Create").then((m) => m.NewDiasporaGroupPage));
const NewProjectPage = lazy(() => import("./pages/Create").then((m) => m.NewProjectPage));
const ProjectPage = lazy(() => import("./pages/Project").then((m) => m.ProjectPage));
const WorkshopsPage = lazy(() => import("./pages/WorkshopList").then((m) => m.WorkshopsPage));
const WorkshopNewPage = lazy(() => import("./pages/WorkshopList").then((m) => m.WorkshopNewPage));
const WorkshopJoinPage = lazy(() => import("./pages/WorkshopList").then((m) => m.WorkshopJoinPage));
const WorkshopSessionPage = lazy(() => import("./pages/WorkshopSession").then((m) => m.WorkshopSessionPage));
const ProgrammeDashboardPage = lazy(() => import("./pages/Dashboard").then((m) => m.ProgrammeDashboardPage));
const ProjectStatusPage = lazy(() => import("./pages/Dashboard").then((m) => m.ProjectStatusPage));

/** Starts the session check and, in parallel, the download of the page most likely shown. */
export function startApp(): void {
  // A note about what the previous user did must not outlive their session.
  session.onSignedOut(dismissNotice);
  // The hub connection is only for signed-in users: close it when the session ends.
  session.onSignedOut(() => liveClient().stop());
  void session.refresh();
  const route = currentRoute();
  if (route.name === "home") void DirectoryPage.preload().catch(() => undefined);
  else if (route.name === "cooperative" || route.name === "diasporaGroup" || route.name === "organisation") void CooperativePage.preload().catch(() => undefined);
  else if (route.name === "workshop") void WorkshopSessionPage.preload().catch(() => undefined);
  else if (route.name === "workshopJoin") void WorkshopJoinPage.preload().catch(() => undefined);
  else if (route.name === "dashboard" || route.name === "projectStatus") void ProgrammeDashboardPage.preload().catch(() => undefined);
  else if (route.name === "project") void ProjectPage.preload().catch(() => undefined);
  else void SignInPage.preload().catch(() => undefined);
}

interface View {
  readonly title: string;
  readonly page: JSX.Element;
}

function view(route: Route, state: SessionState, t: Messages): View {
  if (state.status === "loading") return { title: t.app.title, page: <PageLoading /> };
  if (state.status === "error") {
    return {
      title: t.app.title,
      page: (
        <div class="panel" role="alert">
          <p>{t.nav.sessionError}</p>
          <p class="muted">{problemMessage(state.problem)}</p>
          <button type="button" class="button" onClick={() => void session.refresh()}>
            {t.nav.retry}
          </button>
        </div>
      ),
    };
  }
  const signedIn = state.status === "signedIn";
  // A guest sees its workshop and the join page only (App redirects anywhere else).
  if (state.status === "guest" && route.name !== "workshopJoin") {
    const id = state.guest.workshopId;
    return { title: t.app.title, page: <WorkshopSessionPage key={id} id={id} /> };
  }
  switch (route.name) {
    case "home":
    case "cooperative":
    case "diasporaGroup":
    case "organisation": {
      if (!signedIn) {
        const returnTo = route.name === "home" && route.filter === undefined ? null : routePath(route);
        return { title: t.pageTitle(t.signIn.title), page: <SignInPage returnTo={returnTo} email={null} /> };
      }
      if (route.name === "home") return { title: t.app.title, page: <DirectoryPage filter={route.filter} /> };
      // The page sets its own title once the profile is loaded.
      if (route.name === "organisation") {
        return { title: t.pageTitle(t.profile.organisation), page: <OrganisationPage key={route.slug} slug={route.slug} /> };
      }
      return route.name === "cooperative"
        ? { title: t.pageTitle(t.profile.cooperative), page: <CooperativePage key={route.slug} slug={route.slug} /> }
        : { title: t.pageTitle(t.profile.diasporaGroup), page: <DiasporaGroupPage key={route.slug} slug={route.slug} /> };
    }
    case "signIn":
    case "register":
      // Signed in: App redirects (effect below); show nothing meanwhile.
      if (signedIn) return { title: t.app.title, page: <PageLoading /> };
      return route.name === "signIn"
        ? { title: t.pageTitle(t.signIn.title), page: <SignInPage returnTo={route.returnTo} email={route.email} /> }
        : { title: t.pageTitle(t.register.title), page: <RegisterPage returnTo={route.returnTo} email={route.email} /> };
    case "invitation":
      return { title: t.pageTitle(t.invitation.title), page: <InvitationPage key={route.token} token={route.token} /> };
    case "verify":
      return { title: t.pageTitle(t.pages.verify), page: <VerificationPage key={route.token} token={route.token} returnTo={route.returnTo} /> };
    case "forgotPassword":
      return { title: t.pageTitle(t.pages.forgotPassword), page: <ForgotPasswordPage email={route.email} /> };
    case "resetPassword":
      return { title: t.pageTitle(t.pages.resetPassword), page: <ResetPasswordPage key={route.token} token={route.token} welcome={route.welcome} /> };
    case "account":
    case "admin":
    case "newCooperative":
    case "newDiasporaGroup":
    case "newProject": {
      if (state.status !== "signedIn") return { title: t.pageTitle(t.signIn.title), page: <SignInPage returnTo={routePath(route)} email={null} /> };
      if (route.name === "account") return { title: t.pageTitle(t.pages.account), page: <AccountPage user={state.user} /> };
      if (route.name === "admin") {
        return state.user.roles.includes("admin")
          ? { title: t.pageTitle(t.pages.admin), page: <AdminPage /> }
          : { title: t.pageTitle(t.nav.notFoundTitle), page: <NotFound t={t} /> };
      }
      if (route.name === "newCooperative") return { title: t.pageTitle(t.pages.newCooperative), page: <NewCooperativePage /> };
      if (route.name === "newDiasporaGroup") return { title: t.pageTitle(t.pages.newDiasporaGroup), page: <NewDiasporaGroupPage /> };
      return { title: t.pageTitle(t.pages.newProject), page: <NewProjectPage /> };
    }
    case "project":
      return signedIn
        ? { title: t.app.title, page: <ProjectPage key={route.slug} slug={route.slug} /> }
        : { title: t.pageTitle(t.signIn.title), page: <SignInPage returnTo={routePath(route)} email={null} /> };
    case "workshopJoin":
      return { title: t.pageTitle(t.nav.joinWorkshop), page: <WorkshopJoinPage key={route.code ?? ""} code={route.code} /> };
    case "workshops":
    case "workshopNew":
    case "workshop":
      if (!signedIn) return { title: t.pageTitle(t.signIn.title), page: <SignInPage returnTo={routePath(route)} email={null} /> };
      if (route.name === "workshop") return { title: t.pageTitle(t.nav.workshops), page: <WorkshopSessionPage key={route.id} id={route.id} /> };
      return route.name === "workshops"
        ? { title: t.pageTitle(t.nav.workshops), page: <WorkshopsPage /> }
        : { title: t.pageTitle(t.nav.newWorkshop), page: <WorkshopNewPage /> };
    case "dashboard":
    case "projectStatus":
      if (!signedIn) return { title: t.pageTitle(t.signIn.title), page: <SignInPage returnTo={routePath(route)} email={null} /> };
      return route.name === "dashboard"
        ? { title: t.pageTitle(t.nav.dashboard), page: <ProgrammeDashboardPage filter={route.filter} /> }
        : { title: t.pageTitle(t.nav.dashboard), page: <ProjectStatusPage key={route.slug} slug={route.slug} /> };
    case "notFound":
      return { title: t.pageTitle(t.nav.notFoundTitle), page: <NotFound t={t} /> };
  }
}

function NotFound({ t }: { readonly t: Messages }) {
  return (
    <section class="panel" aria-labelledby="page-title">
      <h2 id="page-title">{t.nav.notFoundTitle}</h2>
      <p>{t.nav.notFoundText}</p>
      <p>
        <a href={routeHref({ name: "home" })}>{t.nav.backHome}</a>
      </p>
    </section>
  );
}

/** The live connection's state, on every signed-in page. */
function LiveStatus() {
  const client = liveClient();
  useEffect(() => client.open(), [client]);
  return <ConnectionBadge state={useConnectionState(client)} />;
}

/** The sections every signed-in user moves between. */
function MainNav({ route }: { readonly route: Route }) {
  const t = useT();
  const onDashboard = route.name === "dashboard" || route.name === "projectStatus";
  const onDirectory = route.name === "home" || route.name === "cooperative" || route.name === "diasporaGroup" || route.name === "organisation";
  const onWorkshops = route.name === "workshops" || route.name === "workshopNew" || route.name === "workshop";
  return (
    <nav class="mainnav" aria-label={t.nav.mainLabel}>
      <a href={routeHref({ name: "home" })} aria-current={onDirectory ? "page" : undefined}>
        {t.nav.directory}
      </a>
      <a href={routeHref({ name: "workshops" })} aria-current={onWorkshops ? "page" : undefined}>
        {t.nav.workshops}
      </a>
      <a href={routeHref({ name: "dashboard" })} aria-current={onDashboard ? "page" : undefined}>
        {t.nav.dashboard}
      </a>
    </nav>
  );
}

export function App() {
  const t = useT();
  const route = useRoute();
  const state = useSession();
  const notice = useNotice(route);
  const main = useRef<HTMLElement>(null);
  const href = routeHref(route);
  const { title, page } = view(route, state, t);
  const user = state.status === "signedIn" ? state.user : null;
  const guest = state.status === "guest" ? state.guest : null;

  // Once signed in, the sign-in and register pages lead to where the user was going.
  useEffect(() => {
    if (user !== null && (route.name === "signIn" || route.name === "register")) {
      navigate(returnRoute(route.returnTo, user.roles), { replace: true });
    }
  }, [href, user]);

  // A guest's session opens its workshop only: keep the address on it.
  useEffect(() => {
    if (guest !== null && route.name !== "workshopJoin" && !(route.name === "workshop" && route.id === guest.workshopId)) {
      navigate({ name: "workshop", id: guest.workshopId }, { replace: true });
    }
  }, [href, guest?.workshopId]);

  useEffect(() => {
    document.title = title;
  }, [title]);

  // After a change of page (not at load), move focus to the new content for screen readers.
  const shown = `${routePage(route)}|${state.status}`;
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
        {t.nav.skipToContent}
      </a>
      <header class="topbar">
        <div class="topbar__inner">
          <div class="brand">
            <h1 class="brand__title">
              <a href={routeHref({ name: "home" })}>{t.app.title}</a>
            </h1>
            <p class="brand__tagline">{t.app.tagline}</p>
          </div>
          {user !== null ? (
            <div class="topbar__tools">
              <LiveStatus />
              <UserMenu user={user} />
            </div>
          ) : guest !== null ? (
            <div class="topbar__tools">
              <LiveStatus />
              <span class="guest-badge">{t.nav.guest(guest.displayName)}</span>
              <LanguageSwitch id="header-language" />
              <button type="button" class="button button--quiet" onClick={() => void session.signOut()}>
                {t.nav.leaveWorkshop}
              </button>
            </div>
          ) : (
            state.status !== "loading" && <LanguageSwitch id="header-language" />
          )}
        </div>
        {user !== null && <MainNav route={route} />}
      </header>

      <main id="main" class="main" tabIndex={-1} ref={main}>
        <OfflineBanner />
        {notice !== null && (
          <div class={`note note--${notice.kind} note--banner`} role="status">
            <p>{notice.text}</p>
            <button type="button" class="note__close" aria-label={t.nav.close} onClick={dismissNotice}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        )}
        {page}
      </main>

      <footer class="footer">
        <span>{t.app.footer}</span>
        {/* The technical tools are for the people who run the platform. */}
        {user?.roles.includes("admin") === true && (
          <nav class="footer__links" aria-label={t.app.tools}>
            <a href="/scalar">{t.app.apiReference}</a>
            <a href="/dashboard/">{t.app.dashboard}</a>
          </nav>
        )}
      </footer>
    </div>
  );
}
