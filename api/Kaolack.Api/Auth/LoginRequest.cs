namespace Kaolack.Api.Auth;

public sealed record LoginRequest(string Email, string Password);
