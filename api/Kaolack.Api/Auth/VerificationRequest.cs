namespace Kaolack.Api.Auth;

/// <summary>Proves an address: the e-mailed link's token and the password chosen at registration.</summary>
public sealed record VerificationRequest(string Token, string Password);
