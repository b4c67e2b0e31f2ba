namespace Kaolack.Api.Workshops;

/// <param name="DisplayName">Guests only: the name others see (accounts show their own).</param>
public sealed record JoinRequest(string Code, string? DisplayName = null);
