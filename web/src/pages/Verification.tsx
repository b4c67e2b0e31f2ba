// The e-mailed link that verifies a new account's address (#/verification/{token}): the person types the password they
// chose when registering, which proves the registration is theirs, and is signed in, then taken where they were going.

import { useRef, useState } from "preact/hooks";
import { addressOfToken, verifyAddress } from "../auth/accountApi";
import { formErrors } from "../auth/formErrors";
import { problemMessage } from "../auth/problem";
import { session } from "../auth/session";
import { FormAlert, PasswordField } from "../components/Field";
import { useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import { navigate, parseHash, routeHref } from "../router";

export function VerificationPage({ token, returnTo }: { readonly token: string; readonly returnTo: string | null }) {
  const m = useMessages(manageMessages).account;
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [general, setGeneral] = useState<readonly string[]>([]);
  const [gone, setGone] = useState(false);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const email = addressOfToken(token);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (password === "") {
      setError(m.verify.passwordNeeded);
      document.getElementById("verify-password")?.focus();
      return;
    }
    setBusy(true);
    const result = await verifyAddress(token, password);
    setBusy(false);
    if (result.ok) {
      session.signedIn(result.value);
      navigate(returnTo === null ? { name: "home" } : parseHash(`#${returnTo}`), { replace: true });
      return;
    }
    if (result.problem.code === "link-invalid") {
      setGone(true);
      return;
    }
    const shown = formErrors(result.problem, ["password"] as const);
    setError(shown.fields.password);
    setGeneral(shown.general.length > 0 || shown.fields.password !== undefined ? shown.general : [problemMessage(result.problem)]);
    if (shown.fields.password !== undefined) document.getElementById("verify-password")?.focus();
    else alertRef.current?.focus();
  };

  if (gone) {
    return (
      <section class="panel auth" aria-labelledby="page-title">
        <h2 id="page-title">{m.verify.title}</h2>
        <p class="note note--error" role="alert">
          {m.linkInvalid}
        </p>
        <p class="actions">
          <a class="button button--primary" href={routeHref({ name: "signIn", returnTo, email })}>
            {m.verify.signIn}
          </a>
          <a class="button" href={routeHref({ name: "forgotPassword", email })}>
            {m.forgot.link}
          </a>
        </p>
      </section>
    );
  }

  return (
    <section class="panel auth" aria-labelledby="page-title">
      <h2 id="page-title">{m.verify.title}</h2>
      <p class="auth__intro">{email === null ? m.verify.intro : m.verify.introFor(email)}</p>
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={general} alertRef={alertRef} />
        <PasswordField
          id="verify-password"
          label={m.verify.password}
          error={error}
          autocomplete="current-password"
          value={password}
          onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? m.verify.submitting : m.verify.submit}
        </button>
      </form>
    </section>
  );
}
