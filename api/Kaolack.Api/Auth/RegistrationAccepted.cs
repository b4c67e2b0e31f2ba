namespace Kaolack.Api.Auth;

/// <summary>The same answer to every registration, whether the address had an account or not: the next step is in the e-mail.</summary>
public sealed record RegistrationAccepted(string Email);
