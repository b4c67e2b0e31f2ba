import { useRef, useState } from "preact/hooks";
import { SIGN_IN_FIELDS, signInErrors, validateSignIn, type SignInField } from "../auth/forms";
import { noFormErrors, type FormErrors } from "../auth/formErrors";
import { session, useSession } from "../auth/session";
import { Field, FormAlert, PasswordField, focusFirstError } from "../components/Field";
import { useT } from "../i18n";
import { useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import { routeHref } from "../router";

export interface SignInProps {
  readonly returnTo: string | null;
  readonly email: string | null;
}

export function SignInPage({ returnTo, email }: SignInProps) {
  const t = useT();
  const state = useSession();
  const [values, setValues] = useState<Record<SignInField, string>>({ email: email ?? "", password: "" });
  const [errors, setErrors] = useState<FormErrors<SignInField>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const m = useMessages(manageMessages).account;
  const alertRef = useRef<HTMLDivElement>(null);
  const set = (field: SignInField) => (event: Event) =>
    setValues((v) => ({ ...v, [field]: (event.currentTarget as HTMLInputElement).value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const local = validateSignIn(values);
    if (Object.keys(local).length > 0) {
      setErrors({ fields: local, general: [] });
      focusFirstError("signin", SIGN_IN_FIELDS, local);
      return;
    }
    setBusy(true);
    setErrors(noFormErrors);
    const result = await session.signIn(values.email.trim(), values.password);
    if (result.ok) return; // The app now shows the page asked for.
    const shown = signInErrors(result.problem);
    setBusy(false);
    setErrors(shown);
    if (result.problem.status === 401) {
      setValues((v) => ({ ...v, password: "" }));
      document.getElementById("signin-password")?.focus();
    } else if (!focusFirstError("signin", SIGN_IN_FIELDS, shown.fields)) {
      alertRef.current?.focus();
    }
  };

  const reason = state.status === "signedOut" ? state.reason : null;

  return (
    <section class="panel auth" aria-labelledby="page-title">
      <h2 id="page-title">{t.signIn.title}</h2>
      <p class="auth__intro">{t.signIn.intro}</p>
      {reason !== null && (
        <p class="note note--info" role="status">
          {reason === "expired" ? t.account.sessionExpired : t.account.signedOut}
        </p>
      )}
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={errors.general} alertRef={alertRef} />
        <Field id="signin-email" label={t.signIn.email} error={errors.fields.email} required>
          {(control) => (
            <input {...control} type="email" autocomplete="username" inputMode="email" spellcheck={false} value={values.email} onInput={set("email")} />
          )}
        </Field>
        <PasswordField
          id="signin-password"
          label={t.signIn.password}
          error={errors.fields.password}
          autocomplete="current-password"
          value={values.password}
          onInput={set("password")}
        />
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t.signIn.submitting : t.signIn.submit}
        </button>
      </form>
      <p class="auth__switch">
        <a href={routeHref({ name: "forgotPassword", email: values.email.trim() === "" ? null : values.email.trim() })}>{m.forgot.link}</a>
      </p>
      <p class="auth__switch">
        {t.signIn.noAccount}{" "}
        <a href={routeHref({ name: "register", returnTo, email: values.email.trim() === "" ? null : values.email.trim() })}>
          {t.signIn.register}
        </a>
      </p>
    </section>
  );
}
