using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Organisations;
using Kaolack.Grains.Common;
using Kaolack.Grains.Entities;

namespace Kaolack.Grains.Organisations;

public static class OrganisationRules
{
    public static OrganisationProfile Normalize(OrganisationProfile profile) => profile with
    {
        Name = Text.Clean(profile.Name),
        Place = Text.Clean(profile.Place),
        Sectors = Text.CleanList(profile.Sectors),
        Offers = Text.CleanList(profile.Offers),
        Needs = Text.CleanList(profile.Needs),
        Contact = ContactRules.Normalize(profile.Contact),
        Languages = Text.CleanList(profile.Languages).Select(code => code.ToLowerInvariant()).ToArray(),
        Description = Text.Clean(profile.Description),
    };

    /// <summary>Throws <see cref="ValidationFailedException"/> listing every broken rule.</summary>
    public static void Validate(OrganisationProfile profile)
    {
        var v = new Validation();
        v.Required("name", profile.Name, 120);
        v.Defined("kind", profile.Kind);
        v.Defined("region", profile.Region);
        v.Required("place", profile.Place, 80);
        v.List("sectors", profile.Sectors, 1, 12, 60);
        v.List("offers", profile.Offers, 0, 30, 120);
        v.List("needs", profile.Needs, 0, 30, 120);
        v.Contact("contact", profile.Contact);
        LanguageRules.Validate(v, "languages", profile.Languages);
        v.MaxLength("description", profile.Description, 2000);
        v.ThrowIfInvalid();
    }

    /// <summary>
    /// Contacts go to whoever may write on the platform (members, coaches, admins: the people who exchange) and to the
    /// organisation's own members; read-only partners see the organisation without them.
    /// </summary>
    public static bool SeesContact(Caller caller, IEnumerable<string> members) =>
        caller.MayWrite || members.Contains(caller.UserId, StringComparer.Ordinal);

    public static Organisation ForReader(Caller caller, Organisation organisation) =>
        SeesContact(caller, organisation.Members) ? organisation : organisation with { Profile = organisation.Profile with { Contact = new Contact() } };

    public static DirectoryEntry ToDirectoryEntry(OrganisationProfile profile, EntityMeta meta) => new()
    {
        Kind = EntityKind.Organisation,
        Slug = meta.Slug,
        Name = profile.Name,
        Regions = [profile.Region],
        Place = profile.Place,
        ValueChains = profile.Sectors,
        Summary = profile.Description,
        Keywords = [.. profile.Offers, .. profile.Needs],
        CapacityNeeds = profile.Needs,
        Skills = profile.Offers,
        OrganisationKind = profile.Kind,
        Version = meta.Version,
        UpdatedAt = meta.UpdatedAt,
        Format = DirectoryEntry.CurrentFormat,
    };
}
