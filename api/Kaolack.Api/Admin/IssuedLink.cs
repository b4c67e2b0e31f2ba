namespace Kaolack.Api.Admin;

/// <summary>A single-use link an admin hands over (by phone, by message), also e-mailed when <see cref="Mailed"/>.</summary>
public sealed record IssuedLink(string Link, DateTimeOffset ExpiresAt, bool Mailed);
