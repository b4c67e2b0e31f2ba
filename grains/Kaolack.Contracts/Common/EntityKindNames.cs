namespace Kaolack.Contracts.Common;

/// <summary>The one spelling of each entity kind in URLs, topics and directory keys.</summary>
public static class EntityKindNames
{
    public static string Singular(this EntityKind kind) => kind switch
    {
        EntityKind.Cooperative => "cooperative",
        EntityKind.DiasporaGroup => "diaspora-group",
        EntityKind.Project => "project",
        EntityKind.Organisation => "organisation",
        EntityKind.Exchange => "exchange",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Plural(this EntityKind kind) => kind.Singular() + "s";

    public static bool TryParseSingular(string value, out EntityKind kind) => TryParse(value, Singular, out kind);

    public static bool TryParsePlural(string value, out EntityKind kind) => TryParse(value, Plural, out kind);

    private static bool TryParse(string value, Func<EntityKind, string> spelling, out EntityKind kind)
    {
        foreach (var candidate in Enum.GetValues<EntityKind>())
        {
            if (spelling(candidate) == value)
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
