// Pure form logic of the account pages: client-side checks and the reading of the
// server's refusals (lockout time in Dakar and Oujda, rate limit, field errors).

import { DAKAR_TIME_ZONE, OUJDA_TIME_ZONE, parseIsoDate, timeInZone } from "../format";
import { currentMessages } from "../i18n";
import type { AccountRegion, Language, RegisterRequest } from "../types";
import { formErrors, type FormErrors } from "./formErrors";
import { problemMessage, type ProblemDetails } from "./problem";
import { ACCOUNT_LIMITS, UI_LANGUAGE_VALUES, USER_REGION_VALUES } from "../wire/contract";

export const SIGN_IN_FIELDS = ["email", "password"] as const;
export type SignInField = (typeof SIGN_IN_FIELDS)[number];

export const REGISTER_FIELDS = ["email", "password", "displayName", "organisation", "region", "language"] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The register form: region and language start unchosen (""). */
export interface RegisterValues extends Omit<RegisterRequest, "region" | "language"> {
  readonly region: AccountRegion | "";
  readonly language: Language | "";
}

/** Loose check (the server decides): something@something.something, no spaces. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export function validateSignIn(values: Readonly<Record<SignInField, string>>): FieldErrors<SignInField> {
  const errors: FieldErrors<SignInField> = {};
  if (values.email.trim() === "") errors.email = currentMessages().form.fieldRequired;
  else if (!isEmail(values.email)) errors.email = currentMessages().form.emailInvalid;
  if (values.password === "") errors.password = currentMessages().form.fieldRequired;
  return errors;
}

export function validateRegister(values: RegisterValues): FieldErrors<RegisterField> {
  const errors: FieldErrors<RegisterField> = {};
  if (values.email.trim() === "") errors.email = currentMessages().form.fieldRequired;
  else if (!isEmail(values.email)) errors.email = currentMessages().form.emailInvalid;
  if (values.password === "") errors.password = currentMessages().form.fieldRequired;
  else if (values.password.length < ACCOUNT_LIMITS.passwordMinLength) errors.password = currentMessages().form.passwordTooShort(ACCOUNT_LIMITS.passwordMinLength);
  if (values.displayName.trim() === "") errors.displayName = currentMessages().form.fieldRequired;
  if (!USER_REGION_VALUES.includes(values.region as AccountRegion)) errors.region = currentMessages().form.choose;
  if (!UI_LANGUAGE_VALUES.includes(values.language as Language)) errors.language = currentMessages().form.choose;
  return errors;
}

/** The request for valid values (null if validateRegister() finds errors). */
export function registerRequest(values: RegisterValues): RegisterRequest | null {
  if (Object.keys(validateRegister(values)).length > 0) return null;
  return {
    email: values.email.trim(),
    password: values.password,
    displayName: values.displayName.trim(),
    organisation: values.organisation.trim(),
    region: values.region as AccountRegion,
    language: values.language as Language,
  };
}

/** The lockout refusal, with the end time in Dakar and in Oujda when the server gave it. */
export function lockoutMessage(problem: ProblemDetails, now = Date.now()): string {
  const raw = problem.extensions["lockedUntil"];
  const until = typeof raw === "string" ? parseIsoDate(raw) : Number.NaN;
  if (Number.isNaN(until)) return currentMessages().signIn.locked;
  return currentMessages().signIn.lockedUntil(timeInZone(until, DAKAR_TIME_ZONE, now), timeInZone(until, OUJDA_TIME_ZONE, now));
}

/** The rate-limit refusal, with the wait when the server sent Retry-After. */
export function rateLimitMessage(problem: ProblemDetails): string {
  const base = currentMessages().problems.codes["rate-limited"];
  if (problem.retryAfterSeconds === null || problem.retryAfterSeconds <= 0) return base;
  return `${base} ${currentMessages().problems.retryIn(Math.ceil(problem.retryAfterSeconds / 60))}`;
}

const only = <F extends string>(general: string): FormErrors<F> => ({ fields: {}, general: [general] });

/** What to show for a refused sign-in. */
export function signInErrors(problem: ProblemDetails, now = Date.now()): FormErrors<SignInField> {
  // (ASP.NET Identity's own endpoints say 401 with detail "LockedOut".)
  if (problem.status === 423 || problem.code === "locked-out" || problem.detail === "LockedOut") return only(lockoutMessage(problem, now));
  if (problem.status === 429 || problem.code === "rate-limited") return only(rateLimitMessage(problem));
  if (problem.status === 401 && problem.code !== "cookies-blocked") return only(currentMessages().problems.codes["invalid-credentials"]);
  return formErrors(problem, SIGN_IN_FIELDS);
}

/** What to show for a refused registration. */
export function registerErrors(problem: ProblemDetails): FormErrors<RegisterField> {
  if (problem.status === 429 || problem.code === "rate-limited") return only(rateLimitMessage(problem));
  if (problem.status === 409 || problem.code === "already-exists") {
    return { fields: { email: problemMessage({ ...problem, code: "already-exists" }) }, general: [] };
  }
  return formErrors(problem, REGISTER_FIELDS);
}
