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
        v.Required("displayName", registration.DisplayName, 80);
        v.MaxLength("organisation", registration.Organisation, 120);
        v.Defined("region", registration.Region);
        v.Defined("language", registration.Language);
        v.ThrowIfInvalid();
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
