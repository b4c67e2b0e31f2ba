namespace Kaolack.Api.Auth;

public sealed record PasswordResetRequest(string Email);
