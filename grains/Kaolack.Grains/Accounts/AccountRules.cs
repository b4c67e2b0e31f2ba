using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Accounts;

public static class AccountRules
{
    public const int MinPasswordLength = 10;

    public const int MaxPasswordLength = 256;

    /// <summary>Accounts are keyed by e-mail, compared without case or surrounding spaces.</summary>
    public static string NormalizeEmail(string? email) => Text.Clean(email).ToLowerInvariant();

    public static Registration Normalize(Registration registration) => registration with
    {
        Email = NormalizeEmail(registration.Email),
        DisplayName = Text.Clean(registration.DisplayName),
        Organisation = Text.Clean(registration.Organisation),
    };

    public static void Validate(Registration registration)
    {
        var v = new Validation();
        ValidateEmail(v, "email", registration.Email);
        ValidatePassword(v, "password", registration.Password);
        ValidateProfile(v, registration.DisplayName, registration.Organisation, registration.Region, registration.Language);
        v.ThrowIfInvalid();
    }

    private static void ValidateProfile(Validation v, string displayName, string organisation, UserRegion region, UiLanguage language)
    {
        v.Required("displayName", displayName, 80);
        v.MaxLength("organisation", organisation, 120);
        v.Defined("region", region);
        v.Defined("language", language);
    }

    public static AccountProfile Normalize(AccountProfile profile) => profile with
    {
        DisplayName = Text.Clean(profile.DisplayName),
        Organisation = Text.Clean(profile.Organisation),
    };

    public static void Validate(AccountProfile profile)
    {
        var v = new Validation();
        ValidateProfile(v, profile.DisplayName, profile.Organisation, profile.Region, profile.Language);
        v.ThrowIfInvalid();
    }

    public static NewAccount Normalize(NewAccount account) => account with
    {
        Email = NormalizeEmail(account.Email),
        DisplayName = Text.Clean(account.DisplayName),
        Organisation = Text.Clean(account.Organisation),
        Roles = (account.Roles ?? []).Distinct().Order().ToArray(),
    };

    public static void Validate(NewAccount account)
    {
        var v = new Validation();
        ValidateEmail(v, "email", account.Email);
        ValidateProfile(v, account.DisplayName, account.Organisation, account.Region, account.Language);
        ValidateRoles(v, account.Roles);
        v.ThrowIfInvalid();
    }

    public static void ValidateRoles(Validation v, Role[]? roles)
    {
        if (roles is null || roles.Length == 0 || roles.Any(r => !Enum.IsDefined(r)))
        {
            v.Add("roles", "Au moins un rôle connu : admin, coach, partner, member.");
        }
    }

    public static void ValidateEmail(Validation v, string field, string email)
    {
        if (email.Length == 0)
        {
            v.Add(field, "Ce champ est obligatoire.");
        }
        else if (!Validation.IsEmail(email))
        {
            v.Add(field, "Adresse e-mail invalide.");
        }
    }

    public static void ValidatePassword(Validation v, string field, string? password)
    {
        if (password is null || password.Length < MinPasswordLength)
        {
            v.Add(field, $"Au moins {MinPasswordLength} caractères.");
        }
        else if (password.Length > MaxPasswordLength)
        {
            v.Add(field, $"{MaxPasswordLength} caractères au plus.");
        }
    }
}
