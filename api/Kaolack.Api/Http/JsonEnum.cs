using System.Reflection;
using System.Text.Json.Serialization;
using Kaolack.Contracts.Errors;

namespace Kaolack.Api.Http;

/// <summary>Parses enum values in query strings with the same spelling as JSON ("at-risk", "kaolack").</summary>
public static class JsonEnum
{
    public static TEnum? ParseOptional<TEnum>(string? value, string field) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return TryParse<TEnum>(value, out var parsed)
            ? parsed
            : throw new ValidationFailedException(field, Expected<TEnum>());
    }

    public static bool TryParse<TEnum>(string value, out TEnum parsed) where TEnum : struct, Enum
    {
        foreach (var member in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (string.Equals(NameOf(member), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                parsed = (TEnum)member.GetValue(null)!;
                return true;
            }
        }
        parsed = default;
        return false;
    }

    public static string Expected<TEnum>() where TEnum : struct, Enum => $"Valeurs possibles : {string.Join(", ", Names<TEnum>())}.";

    public static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum =>
        typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static).Select(NameOf);

    /// <summary>The JSON spelling of <paramref name="value"/>.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        NameOf(typeof(TEnum).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)
            ?? throw new ArgumentOutOfRangeException(nameof(value)));

    private static string NameOf(FieldInfo member) => member.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? member.Name;
}
