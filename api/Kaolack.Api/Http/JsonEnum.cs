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
        foreach (var member in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var name = member.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? member.Name;
            if (string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (TEnum)member.GetValue(null)!;
            }
        }
        throw new ValidationFailedException(field, $"Valeurs possibles : {string.Join(", ", Names<TEnum>())}.");
    }

    public static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum =>
        typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(member => member.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? member.Name);
}
