using Kaolack.Contracts.Accounts;

namespace Kaolack.Silo.DemoData;

/// <summary>One demo account per role, all with <see cref="Password"/> (printed by run.sh).</summary>
public static class DemoAccounts
{
    public const string Password = "kaolack-demo-2026";

    /// <summary>Member in Kaolack: belongs to the Kaolack organisations and owns the demo projects.</summary>
    public const string KaolackMember = "awa.ndiaye@example.org";

    /// <summary>Member in the Oriental: belongs to the Oriental organisations, editor of the demo projects.</summary>
    public const string OrientalMember = "youssef.benali@example.org";

    /// <summary>Member who reads one project as a viewer.</summary>
    public const string Viewer = "mariama.sarr@example.org";

    public const string Coach = "coach.cect@example.org";

    public const string Partner = "partenaire.oriental@example.org";

    public static IReadOnlyList<AccountSeed> All { get; } =
    [
        Seed(KaolackMember, "Awa Ndiaye", "GIE Jappo Ndoffane", UserRegion.Kaolack, Role.Member),
        Seed(OrientalMember, "Youssef Benali", "Coopérative Zitoun Taourirt", UserRegion.Oriental, Role.Member),
        Seed(Viewer, "Mariama Sarr", "Diaspora Kaolack Montreuil", UserRegion.Elsewhere, Role.Member),
        Seed(Coach, "Coach du CECT", "CECT Kaolack", UserRegion.Kaolack, Role.Coach),
        Seed(Partner, "Région de l'Oriental", "Région de l'Oriental", UserRegion.Oriental, Role.Partner),
    ];

    public static Caller CallerFor(string email) =>
        new(email, All.First(seed => seed.Registration.Email == email).Roles);

    private static AccountSeed Seed(string email, string name, string organisation, UserRegion region, Role role) => new(
        new Registration
        {
            Email = email,
            Password = Password,
            DisplayName = name,
            Organisation = organisation,
            Region = region,
            Language = UiLanguage.Fr,
        },
        [role]);
}
