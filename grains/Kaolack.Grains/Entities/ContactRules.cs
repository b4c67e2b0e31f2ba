using Kaolack.Contracts.Common;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Entities;

public static class ContactRules
{
    public static Contact Normalize(Contact? contact) => new()
    {
        Person = NullIfEmpty(Text.Clean(contact?.Person)),
        Email = NullIfEmpty(Text.Clean(contact?.Email).ToLowerInvariant()),
        Phone = NullIfEmpty(Text.Clean(contact?.Phone)),
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
