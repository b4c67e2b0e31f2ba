import { useRef, useState } from "preact/hooks";
import {
  REGISTER_FIELDS,
  registerErrors,
  registerRequest,
  validateRegister,
  type RegisterField,
  type RegisterValues,
} from "../auth/forms";
import { register } from "../auth/accountApi";
import { noFormErrors, type FormErrors } from "../auth/formErrors";
import { Field, FormAlert, PasswordField, focusFirstError } from "../components/Field";
import { useT } from "../i18n";
import { currentLanguage, useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import { routeHref } from "../router";
import { ACCOUNT_LIMITS, UI_LANGUAGE_VALUES, USER_REGION_VALUES } from "../wire/contract";

export interface RegisterProps {
  readonly returnTo: string | null;
  readonly email: string | null;
}

export function RegisterPage({ returnTo, email }: RegisterProps) {
  const t = useT();
  const [values, setValues] = useState<RegisterValues>({
    email: email ?? "",
    password: "",
    displayName: "",
    organisation: "",
    region: "",
    language: currentLanguage(),
  });
  const [errors, setErrors] = useState<FormErrors<RegisterField>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const m = useMessages(manageMessages).account;
  const alertRef = useRef<HTMLDivElement>(null);
  const set = (field: RegisterField) => (event: Event) =>
    setValues((v) => ({ ...v, [field]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const local = validateRegister(values);
    const request = registerRequest(values);
    if (request === null) {
      setErrors({ fields: local, general: [] });
      focusFirstError("register", REGISTER_FIELDS, local);
      return;
    }
    setBusy(true);
    setErrors(noFormErrors);
    const created = await register(request, returnTo);
    setBusy(false);
    if (!created.ok) {
      const shown = registerErrors(created.problem);
      setErrors(shown);
      if (!focusFirstError("register", REGISTER_FIELDS, shown.fields)) alertRef.current?.focus();
      return;
    }
    // The account waits for its address to be verified: the link is in the mailbox.
    setSentTo(request.email);
  };

  if (sentTo !== null) {
    return (
      <section class="panel auth" aria-labelledby="page-title">
        <h2 id="page-title">{m.checkMail.title}</h2>
        <p class="note note--info" role="status">
          {m.checkMail.sent(sentTo)}
        </p>
        <p>{m.checkMail.next}</p>
        <p class="muted">{m.checkMail.nothing}</p>
        <p class="actions">
          <a class="button" href={routeHref({ name: "forgotPassword", email: sentTo })}>
            {m.checkMail.forgot}
          </a>
        </p>
      </section>
    );
  }

  return (
    <section class="panel auth" aria-labelledby="page-title">
      <h2 id="page-title">{t.register.title}</h2>
      <p class="auth__intro">{t.register.intro}</p>
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={errors.general} alertRef={alertRef} />
        <Field id="register-email" label={t.register.email} error={errors.fields.email} required>
          {(control) => (
            <input {...control} type="email" autocomplete="email" inputMode="email" spellcheck={false} value={values.email} onInput={set("email")} />
          )}
        </Field>
        <PasswordField
          id="register-password"
          label={t.register.password}
          hint={t.register.passwordHint(ACCOUNT_LIMITS.passwordMinLength)}
          error={errors.fields.password}
          autocomplete="new-password"
          minLength={ACCOUNT_LIMITS.passwordMinLength}
          value={values.password}
          onInput={set("password")}
        />
        <Field id="register-displayName" label={t.register.displayName} hint={t.register.displayNameHint} error={errors.fields.displayName} required>
          {(control) => <input {...control} type="text" autocomplete="name" value={values.displayName} onInput={set("displayName")} />}
        </Field>
        <Field id="register-organisation" label={t.register.organisation} hint={t.register.organisationHint} error={errors.fields.organisation}>
          {(control) => (
            <input {...control} type="text" autocomplete="organization" value={values.organisation} onInput={set("organisation")} />
          )}
        </Field>
        <div class="form__row">
          <Field id="register-region" label={t.register.region} error={errors.fields.region} required>
            {(control) => (
              <select {...control} value={values.region} onChange={set("region")}>
                <option value="" disabled>
                  {t.form.choosePlaceholder}
                </option>
                {USER_REGION_VALUES.map((region) => (
                  <option key={region} value={region}>
                    {t.register.regions[region]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="register-language" label={t.register.language} error={errors.fields.language} required>
            {(control) => (
              <select {...control} value={values.language} onChange={set("language")}>
                {UI_LANGUAGE_VALUES.map((language) => (
                  <option key={language} value={language} lang={language}>
                    {t.register.languages[language]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t.register.submitting : t.register.submit}
        </button>
      </form>
      <p class="auth__switch">
        {t.register.haveAccount}{" "}
        <a href={routeHref({ name: "signIn", returnTo, email: values.email.trim() === "" ? null : values.email.trim() })}>
          {t.register.signIn}
        </a>
      </p>
    </section>
  );
}
