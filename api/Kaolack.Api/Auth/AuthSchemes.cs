namespace Kaolack.Api.Auth;

public static class AuthSchemes
{
    /// <summary>Picks bearer tokens for API and .NET clients, cookies for browsers.</summary>
    public const string Default = "kaolack";

    public const string Cookie = "kaolack-cookie";

    public const string Bearer = "kaolack-bearer";

    public const string AdminPolicy = "admin";

    /// <summary>Signed in with an account or as a workshop guest; the fallback policy admits accounts only.</summary>
    public const string ParticipantPolicy = "participant";
}
