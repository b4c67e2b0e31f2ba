// A forgotten password: ask for a link (#/mot-de-passe-oublie), then choose a new password with it (#/mot-de-passe/{token});
// the same page sets the first password of an account an admin opened (?bienvenue=1).

import { useRef, useState } from "preact/hooks";
import { isEmail } from "../auth/forms";
import { addressOfToken, requestPasswordReset, resetPassword } from "../auth/accountApi";
import { formErrors } from "../auth/formErrors";
import { Field, FormAlert, PasswordField } from "../components/Field";
import { useT } from "../i18n";
import { useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import { showNotice } from "../notice";
import { navigate, routeHref, type Route } from "../router";
import { ACCOUNT_LIMITS } from "../wire/contract";

export function ForgotPasswordPage({ email }: { readonly email: string | null }) {
  const t = useT();
  const m = useMessages(manageMessages).account;
  const [value, setValue] = useState(email ?? "");
  const [error, setError] = useState<string | undefined>(undefined);
  const [general, setGeneral] = useState<readonly string[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const address = value.trim();
    if (!isEmail(address)) {
      setError(address === "" ? t.form.fieldRequired : t.form.emailInvalid);
      document.getElementById("forgot-email")?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await requestPasswordReset(address);
    setBusy(false);
    if (result.ok) {
      setSent(address);
      return;
    }
    const shown = formErrors(result.problem, ["email"] as const);
    setError(shown.fields.email);
    setGeneral(shown.general);
    alertRef.current?.focus();
  };

  return (
    <section class="panel auth" aria-labelledby="page-title">
      <h2 id="page-title">{m.forgot.title}</h2>
      {sent !== null ? (
        <>
          <p class="note note--info" role="status">
            {m.forgot.sent(sent)}
          </p>
          <p class="muted">{m.forgot.nothing}</p>
        </>
      ) : (
        <>
          <p class="auth__intro">{m.forgot.intro}</p>
          <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
            <FormAlert messages={general} alertRef={alertRef} />
            <Field id="forgot-email" label={t.signIn.email} error={error} required>
              {(control) => (
                <input {...control} type="email" autocomplete="username" inputMode="email" spellcheck={false} value={value}
                  onInput={(e) => setValue(e.currentTarget.value)} />
              )}
            </Field>
            <button type="submit" class="button button--primary" disabled={busy}>
              {busy ? m.forgot.submitting : m.forgot.submit}
            </button>
          </form>
        </>
      )}
      <p class="auth__switch">
        <a href={routeHref({ name: "signIn", returnTo: null, email: value.trim() === "" ? null : value.trim() })}>{m.verify.signIn}</a>
      </p>
    </section>
  );
}

export function ResetPasswordPage({ token, welcome }: { readonly token: string; readonly welcome: boolean }) {
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
    if (password.length < ACCOUNT_LIMITS.passwordMinLength) {
      setError(m.passwordHint(ACCOUNT_LIMITS.passwordMinLength));
      document.getElementById("reset-password")?.focus();
      return;
    }
    setBusy(true);
    const result = await resetPassword(token, password);
    setBusy(false);
    if (result.ok) {
      const signIn: Route = { name: "signIn", returnTo: null, email };
      showNotice(welcome ? m.reset.doneWelcome : m.reset.done, signIn);
      navigate(signIn);
      return;
    }
    if (result.problem.code === "link-invalid") {
      setGone(true);
      return;
    }
    const shown = formErrors(result.problem, ["newPassword"] as const);
    setError(shown.fields.newPassword);
    setGeneral(shown.general);
    if (shown.fields.newPassword !== undefined) document.getElementById("reset-password")?.focus();
    else alertRef.current?.focus();
  };

  return (
    <section class="panel auth" aria-labelledby="page-title">
      <h2 id="page-title">{welcome ? m.reset.titleWelcome : m.reset.title}</h2>
      {gone ? (
        <>
          <p class="note note--error" role="alert">
            {m.linkInvalid}
          </p>
          <p class="actions">
            <a class="button button--primary" href={routeHref({ name: "forgotPassword", email })}>
              {m.forgot.link}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="auth__intro">{email === null ? m.reset.intro : m.reset.introFor(email)}</p>
          <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
            <FormAlert messages={general} alertRef={alertRef} />
            <PasswordField
              id="reset-password"
              label={m.reset.password}
              hint={m.passwordHint(ACCOUNT_LIMITS.passwordMinLength)}
              error={error}
              autocomplete="new-password"
              minLength={ACCOUNT_LIMITS.passwordMinLength}
              value={password}
              onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="button button--primary" disabled={busy}>
              {busy ? m.reset.submitting : m.reset.submit}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
