import { useEffect, useState } from "preact/hooks";
import { acceptInvitation, fetchInvitation } from "../auth/accountApi";
import { problemMessage, type ProblemDetails } from "../auth/problem";
import { session, useSession } from "../auth/session";
import { FormAlert } from "../components/Field";
import { timeInBothZones } from "../format";
import { currentMessages, useT } from "../i18n";
import { showNotice } from "../notice";
import { navigate, routeHref, routePath, type Route } from "../router";
import type { Invitation } from "../types";

type Load =
  | { readonly status: "loading" }
  | { readonly status: "failed"; readonly problem: ProblemDetails }
  | { readonly status: "loaded"; readonly invitation: Invitation };

/** Message for an invitation that cannot be used (load or accept refused). */
export function invitationProblemMessage(problem: ProblemDetails): string {
  const t = currentMessages();
  switch (problem.code) {
    case "invitation-expired":
      return t.invitation.expired;
    case "invitation-used":
      return t.invitation.used;
    case "not-found":
      return t.invitation.notFound;
  }
  if (problem.status === 404) return t.invitation.notFound;
  if (problem.status === 410) return t.invitation.expired;
  return problemMessage(problem);
}

const sameEmail = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

export function InvitationPage({ token }: { readonly token: string }) {
  const t = useT();
  const state = useSession();
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [busy, setBusy] = useState(false);
  const [acceptError, setAcceptError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoad({ status: "loading" });
    setAcceptError(null);
    void fetchInvitation(token).then((result) => {
      if (!live) return;
      setLoad(result.ok ? { status: "loaded", invitation: result.value } : { status: "failed", problem: result.problem });
    });
    return () => {
      live = false;
    };
  }, [token]);

  const here = routePath({ name: "invitation", token });

  if (load.status === "loading") {
    return (
      <section class="panel" aria-labelledby="page-title" aria-busy="true">
        <h2 id="page-title">{t.invitation.title}</h2>
        <p role="status">{t.invitation.loading}</p>
      </section>
    );
  }

  if (load.status === "failed") {
    const known = load.problem.status === 404 || load.problem.status === 410;
    return (
      <section class="panel" aria-labelledby="page-title">
        <h2 id="page-title">{t.invitation.title}</h2>
        <p class="note note--error" role="alert">
          {known ? invitationProblemMessage(load.problem) : `${t.invitation.loadError} ${problemMessage(load.problem)}`}
        </p>
        <p>
          <a href={routeHref({ name: "home" })}>{t.nav.backHome}</a>
        </p>
      </section>
    );
  }

  const invitation = load.invitation;
  const role = t.invitation.roles[invitation.role];
  const signedIn = state.status === "signedIn" ? state.user : null;
  const otherAccount = signedIn !== null && invitation.email !== "" && !sameEmail(signedIn.email, invitation.email);
  const email = invitation.email === "" ? null : invitation.email;

  const accept = async () => {
    if (busy) return;
    setBusy(true);
    setAcceptError(null);
    const result = await acceptInvitation(token);
    if (result.ok) {
      // Straight into the project just joined.
      const project: Route = { name: "project", slug: result.value.projectSlug };
      showNotice(t.invitation.accepted(invitation.projectTitle, t.invitation.rolesAs[result.value.role]), project);
      navigate(project);
      return;
    }
    setBusy(false);
    const problem = result.problem;
    if (problem.status === 401) {
      session.expired();
      setAcceptError(t.account.sessionExpired);
    } else if (problem.status === 403 && signedIn !== null) {
      setAcceptError(t.invitation.otherAccount(invitation.email, signedIn.email));
    } else {
      setAcceptError(invitationProblemMessage(problem));
    }
  };

  const switchAccount = async () => {
    await session.signOut();
    navigate({ name: "signIn", returnTo: here, email });
  };

  return (
    <section class="panel invitation" aria-labelledby="page-title">
      <h2 id="page-title">{t.invitation.title}</h2>
      <p class="invitation__summary">{t.invitation.summary(invitation.projectTitle, t.invitation.rolesAs[invitation.role])}</p>
      <dl class="facts">
        <div>
          <dt>{t.invitation.project}</dt>
          <dd>{invitation.projectTitle}</dd>
        </div>
        <div>
          <dt>{t.invitation.role}</dt>
          <dd>{role}</dd>
        </div>
        {email !== null && (
          <div>
            <dt>{t.invitation.invitedEmail}</dt>
            <dd>{email}</dd>
          </div>
        )}
        {timeInBothZones(invitation.expiresAt, Date.now()) !== "" && (
          <div>
            <dt>{t.invitation.expires}</dt>
            <dd>
              <time dateTime={invitation.expiresAt}>{timeInBothZones(invitation.expiresAt, Date.now())}</time>
            </dd>
          </div>
        )}
      </dl>

      {signedIn === null ? (
        <>
          <p>{t.invitation.signedOutHint}</p>
          <div class="actions">
            <a class="button button--primary" href={routeHref({ name: "signIn", returnTo: here, email })}>
              {t.invitation.signIn}
            </a>
            <a class="button" href={routeHref({ name: "register", returnTo: here, email })}>
              {t.invitation.register}
            </a>
          </div>
        </>
      ) : otherAccount ? (
        <>
          <p class="note note--warn">
            {t.invitation.otherAccount(invitation.email, signedIn.email)} {t.invitation.otherAccountHint}
          </p>
          <div class="actions">
            <button type="button" class="button" onClick={() => void switchAccount()}>
              {t.invitation.signOutAndSwitch}
            </button>
          </div>
        </>
      ) : (
        <>
          <FormAlert messages={acceptError === null ? [] : [acceptError]} />
          <div class="actions">
            <button type="button" class="button button--primary" disabled={busy} onClick={() => void accept()}>
              {busy ? t.invitation.accepting : t.invitation.accept}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
