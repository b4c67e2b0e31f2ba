// A tiny hash router: #/ (the directory, its filters in the query), #/connexion, #/inscription,
// #/invitation/{token}, #/cooperatives/{slug}, #/diaspora/{slug}, #/organisations/{slug}, #/projets/{slug}, #/ateliers (workshops),
// #/ateliers/nouveau, #/ateliers/{id}, #/atelier?code=K7M2QX (joining by code), #/tableau-de-bord (the programme
// dashboard, its filters in the query), #/tableau-de-bord/projets/{slug} (a project's status); the e-mailed links
// #/verification/{token}, #/mot-de-passe/{token} and #/mot-de-passe-oublie; #/compte, #/administration; and the creation
// pages #/cooperatives/nouvelle, #/diaspora/nouveau, #/projets/nouveau.
//
// The pure functions (parseHash, routeHref, safeReturnPath) hold all the logic and are
// unit-tested; useRoute() only listens to "hashchange".

import { useEffect, useState } from "preact/hooks";
import type { UserRole } from "./types";
import {
  dashboardFilterParams,
  isDashboardFiltered,
  NO_DASHBOARD_FILTER,
  parseDashboardFilter,
  type DashboardFilter,
} from "./dashboard/filters";
import { filterParams, isFiltered, parseFilter, type DirectoryFilter } from "./directory/filters";

export type Route =
  /** The directory; filters only when some are set. */
  | { readonly name: "home"; readonly filter?: DirectoryFilter }
  | { readonly name: "cooperative" | "diasporaGroup" | "organisation"; readonly slug: string }
  | {
      readonly name: "signIn" | "register";
      /** Where to go once signed in: a path of this app ("/invitation/…"), or null for home. */
      readonly returnTo: string | null;
      /** E-mail address to pre-fill (from an invitation). */
      readonly email: string | null;
    }
  | { readonly name: "invitation"; readonly token: string }
  /** The e-mailed link that verifies a new account's address; then on to `returnTo` (an invitation) or home. */
  | { readonly name: "verify"; readonly token: string; readonly returnTo: string | null }
  | { readonly name: "forgotPassword"; readonly email: string | null }
  /** The e-mailed link to choose a password: a forgotten one, or the first (`welcome`, an account an admin opened). */
  | { readonly name: "resetPassword"; readonly token: string; readonly welcome: boolean }
  | { readonly name: "account" | "admin" | "newCooperative" | "newDiasporaGroup" | "newProject" }
  | { readonly name: "project"; readonly slug: string }
  | { readonly name: "workshops" | "workshopNew" }
  | { readonly name: "workshop"; readonly id: string }
  /** Joining a workshop by code (the code from a shared link, or typed). */
  | { readonly name: "workshopJoin"; readonly code: string | null }
  /** The programme dashboard; filters only when some are set. */
  | { readonly name: "dashboard"; readonly filter?: DashboardFilter }
  /** One project's status (its dashboard summary), not its workspace. */
  | { readonly name: "projectStatus"; readonly slug: string }
  | { readonly name: "notFound"; readonly path: string };

const SIGN_IN = "connexion";
const REGISTER = "inscription";
const INVITATION = "invitation";
const VERIFY = "verification";
const FORGOT_PASSWORD = "mot-de-passe-oublie";
const RESET_PASSWORD = "mot-de-passe";
const ACCOUNT = "compte";
const ADMIN = "administration";
/** The second segment of a creation page: #/cooperatives/nouvelle, #/diaspora/nouveau, #/projets/nouveau. */
const NEW_FEMININE = "nouvelle";
const NEW_MASCULINE = "nouveau";
const COOPERATIVE = "cooperatives";
const DIASPORA_GROUP = "diaspora";
const ORGANISATION = "organisations";
/** The project pages' path (the project workspace); under the dashboard, a project's status. */
const PROJECT = "projets";
const WORKSHOPS = "ateliers";
const NEW_WORKSHOP = "nouveau";
const JOIN_WORKSHOP = "atelier";
const DASHBOARD = "tableau-de-bord";
/** Query parameters (French, like the paths). */
const RETURN_PARAM = "retour";
const EMAIL_PARAM = "courriel";
const CODE_PARAM = "code";
const WELCOME_PARAM = "bienvenue";

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Reads a location hash ("#/invitation/abc", "#/connexion?retour=%2F", "" …) into a route. */
export function parseHash(hash: string): Route {
  let rest = hash.startsWith("#") ? hash.slice(1) : hash;
  if (rest === "" || rest === "/") return { name: "home" };
  if (!rest.startsWith("/")) rest = `/${rest}`;
  const questionMark = rest.indexOf("?");
  const path = questionMark < 0 ? rest : rest.slice(0, questionMark);
  const query = new URLSearchParams(questionMark < 0 ? "" : rest.slice(questionMark + 1));
  const segments = path.split("/").filter((s) => s !== "").map(decode);
  const notFound: Route = { name: "notFound", path };
  if (segments.some((s) => s === null)) return notFound;
  const [first, second, ...more] = segments as string[];

  if (first === undefined) {
    const filter = parseFilter(query);
    return filter.kind !== null || isFiltered(filter) ? { name: "home", filter } : { name: "home" };
  }
  if (first === COOPERATIVE && second === NEW_FEMININE && more.length === 0) return { name: "newCooperative" };
  if (first === DIASPORA_GROUP && second === NEW_MASCULINE && more.length === 0) return { name: "newDiasporaGroup" };
  if (first === PROJECT && second === NEW_MASCULINE && more.length === 0) return { name: "newProject" };
  if ((first === ACCOUNT || first === ADMIN) && second === undefined) return { name: first === ACCOUNT ? "account" : "admin" };
  if (first === VERIFY && second !== undefined && second.trim() !== "" && more.length === 0) {
    return { name: "verify", token: second, returnTo: safeReturnPath(query.get(RETURN_PARAM)) };
  }
  if (first === FORGOT_PASSWORD && second === undefined) {
    const email = query.get(EMAIL_PARAM)?.trim() ?? "";
    return { name: "forgotPassword", email: email === "" ? null : email };
  }
  if (first === RESET_PASSWORD && second !== undefined && second.trim() !== "" && more.length === 0) {
    return { name: "resetPassword", token: second, welcome: query.get(WELCOME_PARAM) === "1" };
  }
  if ((first === COOPERATIVE || first === DIASPORA_GROUP) && second !== undefined && second.trim() !== "" && more.length === 0) {
    return { name: first === COOPERATIVE ? "cooperative" : "diasporaGroup", slug: second };
  }
  if (first === ORGANISATION && second !== undefined && second.trim() !== "" && more.length === 0) {
    return { name: "organisation", slug: second };
  }
  if ((first === SIGN_IN || first === REGISTER) && second === undefined) {
    const email = query.get(EMAIL_PARAM)?.trim() ?? "";
    return {
      name: first === SIGN_IN ? "signIn" : "register",
      returnTo: safeReturnPath(query.get(RETURN_PARAM)),
      email: email === "" ? null : email,
    };
  }
  if (first === INVITATION && second !== undefined && second.trim() !== "" && more.length === 0) {
    return { name: "invitation", token: second };
  }
  if (first === PROJECT && second !== undefined && second.trim() !== "" && more.length === 0) {
    return { name: "project", slug: second };
  }
  if (first === WORKSHOPS && more.length === 0) {
    if (second === undefined) return { name: "workshops" };
    if (second === NEW_WORKSHOP) return { name: "workshopNew" };
    if (second.trim() !== "") return { name: "workshop", id: second };
  }
  if (first === JOIN_WORKSHOP && second === undefined) {
    const code = query.get(CODE_PARAM)?.trim() ?? "";
    return { name: "workshopJoin", code: code === "" ? null : code };
  }
  if (first === DASHBOARD && second === undefined) {
    const filter = parseDashboardFilter(query);
    return isDashboardFiltered(filter) ? { name: "dashboard", filter } : { name: "dashboard" };
  }
  if (first === DASHBOARD && second === PROJECT && more.length === 1 && more[0]!.trim() !== "") {
    return { name: "projectStatus", slug: more[0]! };
  }
  return notFound;
}

/** The hash ("#/…") of a route. */
export function routeHref(route: Route): string {
  switch (route.name) {
    case "home": {
      const qs = route.filter === undefined ? "" : filterParams(route.filter).toString();
      return qs === "" ? "#/" : `#/?${qs}`;
    }
    case "cooperative":
      return `#/${COOPERATIVE}/${encodeURIComponent(route.slug)}`;
    case "diasporaGroup":
      return `#/${DIASPORA_GROUP}/${encodeURIComponent(route.slug)}`;
    case "organisation":
      return `#/${ORGANISATION}/${encodeURIComponent(route.slug)}`;
    case "signIn":
    case "register": {
      const query = new URLSearchParams();
      if (route.returnTo !== null) query.set(RETURN_PARAM, route.returnTo);
      if (route.email !== null) query.set(EMAIL_PARAM, route.email);
      const qs = query.toString();
      return `#/${route.name === "signIn" ? SIGN_IN : REGISTER}${qs ? `?${qs}` : ""}`;
    }
    case "invitation":
      return `#/${INVITATION}/${encodeURIComponent(route.token)}`;
    case "verify":
      return `#/${VERIFY}/${encodeURIComponent(route.token)}${route.returnTo === null ? "" : `?${RETURN_PARAM}=${encodeURIComponent(route.returnTo)}`}`;
    case "forgotPassword":
      return `#/${FORGOT_PASSWORD}${route.email === null ? "" : `?${EMAIL_PARAM}=${encodeURIComponent(route.email)}`}`;
    case "resetPassword":
      return `#/${RESET_PASSWORD}/${encodeURIComponent(route.token)}${route.welcome ? `?${WELCOME_PARAM}=1` : ""}`;
    case "account":
      return `#/${ACCOUNT}`;
    case "admin":
      return `#/${ADMIN}`;
    case "newCooperative":
      return `#/${COOPERATIVE}/${NEW_FEMININE}`;
    case "newDiasporaGroup":
      return `#/${DIASPORA_GROUP}/${NEW_MASCULINE}`;
    case "newProject":
      return `#/${PROJECT}/${NEW_MASCULINE}`;
    case "project":
      return `#/${PROJECT}/${encodeURIComponent(route.slug)}`;
    case "workshops":
      return `#/${WORKSHOPS}`;
    case "workshopNew":
      return `#/${WORKSHOPS}/${NEW_WORKSHOP}`;
    case "workshop":
      return `#/${WORKSHOPS}/${encodeURIComponent(route.id)}`;
    case "workshopJoin":
      return `#/${JOIN_WORKSHOP}${route.code === null ? "" : `?${CODE_PARAM}=${encodeURIComponent(route.code)}`}`;
    case "dashboard": {
      const qs = dashboardFilterParams(route.filter ?? NO_DASHBOARD_FILTER).toString();
      return qs === "" ? `#/${DASHBOARD}` : `#/${DASHBOARD}?${qs}`;
    }
    case "projectStatus":
      return `#/${DASHBOARD}/${PROJECT}/${encodeURIComponent(route.slug)}`;
    case "notFound":
      return `#${route.path.startsWith("/") ? route.path : `/${route.path}`}`;
  }
}

/** The hash of a project's page (#/projets/{slug}). */
export function projectHref(slug: string): string {
  return `#/${PROJECT}/${encodeURIComponent(slug)}`;
}

/** Which page a route shows: the same for a list under any filters (focus stays in the filters). */
export function routePage(route: Route): string {
  if (route.name === "home") return "#/";
  return route.name === "dashboard" ? `#/${DASHBOARD}` : routeHref(route);
}

/** The path part of a route's hash ("/invitation/abc"), as used in `returnTo`. */
export function routePath(route: Route): string {
  return routeHref(route).slice(1);
}

/**
 * A return path is only accepted if it names a page of this app worth coming back to
 * (the directory, a profile, an invitation, a project, a workshop or joining one, a dashboard): never another site,
 * never the sign-in pages themselves.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return null;
  const route = parseHash(`#${value}`);
  const worthIt: readonly Route["name"][] = [
    "home",
    "invitation",
    "cooperative",
    "diasporaGroup",
    "organisation",
    "project",
    "workshops",
    "workshop",
    "workshopJoin",
    "dashboard",
    "projectStatus",
    "account",
    "admin",
    "newCooperative",
    "newDiasporaGroup",
    "newProject",
  ];
  return worthIt.includes(route.name) ? routePath(route) : null;
}

/** The route to show once signed in: where the user was going, else their landing page (partners follow the dashboard). */
export function returnRoute(returnTo: string | null, roles: readonly UserRole[] = []): Route {
  if (returnTo !== null) return parseHash(`#${returnTo}`);
  return roles.includes("partner") && roles.every((role) => role === "partner") ? { name: "dashboard" } : { name: "home" };
}

export interface NavigateOptions {
  /** Replace the current history entry (redirects) instead of adding one. */
  readonly replace?: boolean;
}

export function navigate(route: Route, options: NavigateOptions = {}): void {
  const href = routeHref(route);
  if (location.hash === href || (href === "#/" && (location.hash === "" || location.hash === "#"))) {
    // Same place: still tell listeners (e.g. to show a note), as a hashchange would.
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    return;
  }
  if (options.replace) location.replace(href);
  else location.hash = href;
}

export function currentRoute(): Route {
  return parseHash(location.hash);
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener("hashchange", update);
    update();
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}
