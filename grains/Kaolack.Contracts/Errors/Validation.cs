using System.Net.Mail;
using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Errors;

/// <summary>Collects field errors so one refusal reports every problem at once.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> Errors =>
        errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            messages = [];
            errors[field] = messages;
        }
        messages.Add(message);
    }

    public void Required(string field, string value, int maxLength)
    {
        if (value.Length == 0)
        {
            Add(field, "Ce champ est obligatoire.");
        }
        else
        {
            MaxLength(field, value, maxLength);
        }
    }

    public void MaxLength(string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            Add(field, $"{maxLength} caractères au plus.");
        }
    }

    public void Range(string field, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(field, $"Doit être compris entre {min} et {max}.");
        }
    }

    public void Defined<TEnum>(string field, TEnum value) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(field, "Valeur inconnue.");
        }
    }

    public void List(string field, string[] items, int minCount, int maxCount, int maxItemLength)
    {
        if (items.Length < minCount)
        {
            Add(field, minCount == 1 ? "Au moins un élément est requis." : $"Au moins {minCount} éléments sont requis.");
        }
        if (items.Length > maxCount)
        {
            Add(field, $"{maxCount} éléments au plus.");
        }
        for (var i = 0; i < items.Length; i++)
        {
            MaxLength($"{field}[{i}]", items[i], maxItemLength);
        }
    }

    public void Contact(string field, Contact contact)
    {
        MaxLength($"{field}.person", contact.Person ?? "", 120);
        if (!string.IsNullOrEmpty(contact.Email) && !IsEmail(contact.Email))
        {
            Add($"{field}.email", "Adresse e-mail invalide.");
        }
        if (!string.IsNullOrEmpty(contact.Phone) && !IsPhone(contact.Phone))
        {
            Add($"{field}.phone", "Numéro de téléphone invalide (chiffres, espaces, + et - seulement).");
        }
    }

    public void Money(string field, Money? money, bool required, bool positive)
    {
        if (money is null)
        {
            if (required)
            {
                Add(field, "Ce champ est obligatoire.");
            }
            return;
        }
        Defined($"{field}.currency", money.Currency);
        if (positive ? money.Amount <= 0 : money.Amount < 0)
        {
            Add($"{field}.amount", positive ? "Le montant doit être positif." : "Le montant ne peut pas être négatif.");
        }
        if (money.Amount > 1_000_000_000_000m)
        {
            Add($"{field}.amount", "Montant trop élevé.");
        }
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ValidationFailedException(Errors);
        }
    }

    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static bool IsPhone(string value) =>
        value.Length is >= 6 and <= 30 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.');
}
