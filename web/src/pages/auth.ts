// The account pages, downloaded together (one request) when first needed.
export { InvitationPage } from "./Invitation";
export { RegisterPage } from "./Register";
export { SignInPage } from "./SignIn";
export { ForgotPasswordPage, ResetPasswordPage } from "./PasswordReset";
export { VerificationPage } from "./Verification";
