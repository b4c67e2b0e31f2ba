// Labelled form controls with hint and error wired for assistive technology.

import type { ComponentChildren, Ref } from "preact";
import { useState } from "preact/hooks";
import { useT } from "../i18n";

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly children: (control: ControlProps) => ComponentChildren;
}

/** Attributes every control of a field gets. */
export interface ControlProps {
  readonly id: string;
  readonly name: string;
  readonly required: boolean;
  readonly "aria-invalid": "true" | undefined;
  readonly "aria-describedby": string | undefined;
}

export function Field({ id, label, hint, error, required = false, children }: FieldProps) {
  const t = useT();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter((x) => x !== null).join(" ");
  return (
    <div class={`field${error ? " field--invalid" : ""}`}>
      <label class="field__label" for={id}>
        {label}
        {required && <span class="field__required"> {t.form.required}</span>}
      </label>
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={errorId}>
          {error}
        </p>
      )}
      {children({
        id,
        name: id.replace(/^.*-/, ""),
        required,
        "aria-invalid": error ? "true" : undefined,
        "aria-describedby": describedBy === "" ? undefined : describedBy,
      })}
    </div>
  );
}

/** General refusals of a form, announced when they appear. */
export function FormAlert({ messages, alertRef }: { readonly messages: readonly string[]; readonly alertRef?: Ref<HTMLDivElement> | undefined }) {
  return (
    <div class="form-alert" role="alert" ref={alertRef ?? null} tabIndex={-1}>
      {messages.length === 0 ? null : messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface PasswordFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly autocomplete: "current-password" | "new-password";
  readonly minLength?: number | undefined;
  readonly value: string;
  readonly onInput: (event: Event) => void;
}

/** A required password field with a "show the password" check box (handy on phones). */
export function PasswordField({ id, label, hint, error, autocomplete, minLength, value, onInput }: PasswordFieldProps) {
  const t = useT();
  const [shown, setShown] = useState(false);
  return (
    <>
      <Field id={id} label={label} hint={hint} error={error} required>
        {(control) => (
          <input
            {...control}
            type={(shown ? "text" : "password") as "password"}
            autocomplete={autocomplete}
            autoCapitalize="none"
            spellcheck={false}
            minLength={minLength}
            value={value}
            onInput={onInput}
          />
        )}
      </Field>
      <label class="check">
        <input type="checkbox" checked={shown} aria-controls={id} onChange={(e) => setShown(e.currentTarget.checked)} />
        {t.form.showPassword}
      </label>
    </>
  );
}

/** Focuses the control of the first field in `order` that has an error. */
export function focusFirstError<F extends string>(prefix: string, order: readonly F[], errors: Partial<Record<F, string>>): boolean {
  const first = order.find((field) => errors[field] !== undefined);
  if (first === undefined) return false;
  document.getElementById(`${prefix}-${first}`)?.focus();
  return true;
}
