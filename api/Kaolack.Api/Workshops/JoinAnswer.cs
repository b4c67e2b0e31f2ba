namespace Kaolack.Api.Workshops;

/// <summary>
/// Where the code leads. For a guest, also their id and session: a bearer token (<see cref="AccessToken"/>, valid
/// <see cref="ExpiresIn"/> seconds) or, with ?useCookies=true, the session cookie (then no token).
/// </summary>
public sealed record JoinAnswer(string WorkshopId, string? GuestId, string? DisplayName, string? AccessToken, long? ExpiresIn);
