namespace Kaolack.Api.Auth;

public sealed record PasswordResetConfirmation(string Token, string NewPassword);
