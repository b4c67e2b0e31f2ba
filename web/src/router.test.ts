import { describe, expect, it } from "vitest";
import { parseHash, returnRoute, routeHref, safeReturnPath, type Route } from "./router";

describe("router", () => {
  it("reads the home page from an empty or root hash", () => {
    for (const hash of ["", "#", "#/", "/", "#//"]) expect(parseHash(hash)).toEqual({ name: "home" });
  });

  it("reads the sign-in and register pages, with their return path and e-mail", () => {
    expect(parseHash("#/connexion")).toEqual({ name: "signIn", returnTo: null, email: null });
    expect(parseHash("#/inscription/")).toEqual({ name: "register", returnTo: null, email: null });
    expect(parseHash("#/connexion?retour=%2Finvitation%2Fabc-123&courriel=awa%40exemple.sn")).toEqual({
      name: "signIn",
      returnTo: "/invitation/abc-123",
      email: "awa@exemple.sn",
    });
    expect(parseHash("#/inscription?courriel=%20%20")).toEqual({ name: "register", returnTo: null, email: null });
  });

  it("reads invitation tokens, decoded", () => {
    expect(parseHash("#/invitation/abc_DEF-123")).toEqual({ name: "invitation", token: "abc_DEF-123" });
    expect(parseHash("#/invitation/a%2Fb%3D")).toEqual({ name: "invitation", token: "a/b=" });
    expect(parseHash("#/invitation/abc/")).toEqual({ name: "invitation", token: "abc" });
  });

  it("reads the workshop pages and joining by code, and comes back to them after signing in", () => {
    expect(parseHash("#/ateliers")).toEqual({ name: "workshops" });
    expect(parseHash("#/ateliers/nouveau")).toEqual({ name: "workshopNew" });
    expect(parseHash("#/ateliers/atelier-3kq8m2x9pa4t")).toEqual({ name: "workshop", id: "atelier-3kq8m2x9pa4t" });
    expect(parseHash("#/atelier?code=K7M2QX")).toEqual({ name: "workshopJoin", code: "K7M2QX" });
    expect(parseHash("#/atelier")).toEqual({ name: "workshopJoin", code: null });
    for (const route of [{ name: "workshop", id: "atelier-x" }, { name: "workshopJoin", code: "K7M 2QX" }, { name: "workshops" }] as const) {
      expect(parseHash(routeHref(route))).toEqual(route);
    }
    expect(safeReturnPath("/atelier?code=K7M2QX")).toBe("/atelier?code=K7M2QX");
    expect(safeReturnPath("/ateliers/atelier-x")).toBe("/ateliers/atelier-x");
  });

  it("reads the e-mailed account links, the account, administration and creation pages, and writes them back", () => {
    expect(parseHash("#/verification/YWJj.s3cr3t?retour=%2Finvitation%2Fp.x")).toEqual({ name: "verify", token: "YWJj.s3cr3t", returnTo: "/invitation/p.x" });
    expect(parseHash("#/verification/tok?retour=https%3A%2F%2Fevil.example")).toEqual({ name: "verify", token: "tok", returnTo: null });
    expect(parseHash("#/mot-de-passe/tok?bienvenue=1")).toEqual({ name: "resetPassword", token: "tok", welcome: true });
    expect(parseHash("#/mot-de-passe/tok")).toEqual({ name: "resetPassword", token: "tok", welcome: false });
    expect(parseHash("#/mot-de-passe-oublie?courriel=awa%40exemple.sn")).toEqual({ name: "forgotPassword", email: "awa@exemple.sn" });
    expect(parseHash("#/compte")).toEqual({ name: "account" });
    expect(parseHash("#/administration")).toEqual({ name: "admin" });
    expect(parseHash("#/cooperatives/nouvelle")).toEqual({ name: "newCooperative" });
    expect(parseHash("#/diaspora/nouveau")).toEqual({ name: "newDiasporaGroup" });
    expect(parseHash("#/projets/nouveau")).toEqual({ name: "newProject" });
    const routes: Route[] = [
      { name: "verify", token: "a.b", returnTo: "/invitation/p.x" },
      { name: "forgotPassword", email: null },
      { name: "resetPassword", token: "a.b", welcome: true },
      { name: "account" },
      { name: "newProject" },
    ];
    for (const route of routes) expect(parseHash(routeHref(route))).toEqual(route);
    expect(safeReturnPath("/projets/nouveau")).toBe("/projets/nouveau");
    expect(safeReturnPath("/verification/a.b")).toBeNull();
  });

  it("sends anything else to the not-found page", () => {
    expect(parseHash("#/invitation").name).toBe("notFound");
    expect(parseHash("#/invitation/abc/extra").name).toBe("notFound");
    expect(parseHash("#/invitation/%E0%A4%A").name).toBe("notFound"); // malformed escape
    expect(parseHash("#/connexion/plus").name).toBe("notFound");
    expect(parseHash("#main")).toEqual({ name: "notFound", path: "/main" });
  });

  it("writes hashes that read back to the same route", () => {
    const routes: Route[] = [
      { name: "home" },
      { name: "signIn", returnTo: null, email: null },
      { name: "signIn", returnTo: "/invitation/x%20y", email: "a+b@exemple.ma" },
      { name: "register", returnTo: "/", email: null },
      { name: "invitation", token: "tok/en?#&" },
    ];
    for (const route of routes) expect(parseHash(routeHref(route))).toEqual(route);
    expect(routeHref({ name: "home" })).toBe("#/");
    expect(routeHref({ name: "invitation", token: "abc" })).toBe("#/invitation/abc");
    expect(routeHref({ name: "signIn", returnTo: "/invitation/abc", email: null })).toBe("#/connexion?retour=%2Finvitation%2Fabc");
  });

  it("only returns to pages of this app worth coming back to", () => {
    expect(safeReturnPath("/invitation/abc")).toBe("/invitation/abc");
    expect(safeReturnPath("/")).toBe("/");
    expect(safeReturnPath("/invitation/x y/")).toBe("/invitation/x%20y"); // canonical form
    expect(safeReturnPath(null)).toBeNull();
    expect(safeReturnPath("")).toBeNull();
    expect(safeReturnPath("https://evil.example/")).toBeNull();
    expect(safeReturnPath("//evil.example/")).toBeNull();
    expect(safeReturnPath("/connexion")).toBeNull();
    expect(safeReturnPath("/inscription?retour=/")).toBeNull();
    expect(safeReturnPath("/nowhere")).toBeNull();
    expect(parseHash("#/connexion?retour=https%3A%2F%2Fevil.example")).toMatchObject({ name: "signIn", returnTo: null });
  });

  it("goes home after sign-in unless a return path was given", () => {
    expect(returnRoute(null)).toEqual({ name: "home" });
    expect(returnRoute(null, ["partner"])).toEqual({ name: "dashboard" });
    expect(returnRoute(null, ["partner", "coach"])).toEqual({ name: "home" });
    expect(returnRoute("/tableau-de-bord/projets/miel", ["partner"])).toEqual({ name: "projectStatus", slug: "miel" });
    expect(returnRoute("/invitation/abc")).toEqual({ name: "invitation", token: "abc" });
  });

  it("reads project workspaces, and comes back to them after sign-in", () => {
    expect(parseHash("#/projets/huile-olive-arachide")).toEqual({ name: "project", slug: "huile-olive-arachide" });
    expect(parseHash("#/projets/").name).toBe("notFound");
    expect(parseHash("#/projets/a/b").name).toBe("notFound");
    expect(routeHref({ name: "project", slug: "a b" })).toBe("#/projets/a%20b");
    expect(safeReturnPath("/projets/huile-olive-arachide")).toBe("/projets/huile-olive-arachide");
  });
});
