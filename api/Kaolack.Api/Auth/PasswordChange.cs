namespace Kaolack.Api.Auth;

public sealed record PasswordChange(string CurrentPassword, string NewPassword);
