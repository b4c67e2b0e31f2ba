namespace Kaolack.Api.Hardening;

/// <summary>Names for <c>RequireRateLimiting</c>; registered by <see cref="KaolackHardening.AddKaolackRateLimiting"/>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in: per client address.</summary>
    public const string Login = "auth-login";

    /// <summary>Account creation: per client address.</summary>
    public const string Register = "auth-register";

    /// <summary>POST/PUT/PATCH/DELETE: per signed-in user, per client address when anonymous.</summary>
    public const string Writes = "writes";
}
