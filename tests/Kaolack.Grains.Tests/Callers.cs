namespace Kaolack.Grains.Tests;

/// <summary>
/// Who acts in a test. Every call makes a new account id (a normalised e-mail), so tests sharing the
/// cluster never see each other's memberships.
/// </summary>
internal static class Callers
{
    public static Caller Admin(string name = "admin") => With(name, Role.Admin);

    public static Caller Member(string name = "membre") => With(name, Role.Member);

    public static Caller Coach(string name = "coach") => With(name, Role.Coach);

    public static Caller Partner(string name = "partenaire") => With(name, Role.Partner);

    /// <summary>A signed-in account holding these roles (none: an account without any role).</summary>
    public static Caller With(string name, params Role[] roles) => new(NewId(name), roles);

    /// <summary>A fresh normalised e-mail.</summary>
    public static string NewId(string name = "compte") => $"{name}-{Samples.Token()}@kaolack.test";
}
