using Kaolack.Contracts.Common;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Entities;

public static class DiasporaGroupRules
{
    public static DiasporaGroupProfile Normalize(DiasporaGroupProfile profile) => profile with
    {
        Name = Text.Clean(profile.Name),
        Country = Text.Clean(profile.Country),
        City = Text.Clean(profile.City),
        Skills = Text.CleanList(profile.Skills),
        InterestAreas = Text.CleanList(profile.InterestAreas),
        Pledges = (profile.Pledges ?? [])
            .Where(p => p is not null)
            .Select(p => p with { Description = Text.Clean(p.Description), ProjectSlug = Text.Clean(p.ProjectSlug) })
            .ToArray(),
        Contact = ContactRules.Normalize(profile.Contact),
        Description = Text.Clean(profile.Description),
    };

    public static void Validate(DiasporaGroupProfile profile)
    {
        var v = new Validation();
        v.Required("name", profile.Name, 120);
        v.Defined("originRegion", profile.OriginRegion);
        v.Required("country", profile.Country, 60);
        v.Required("city", profile.City, 80);
        v.Range("memberCount", profile.MemberCount, 1, 100_000);
        v.List("skills", profile.Skills, 0, 30, 80);
        v.List("interestAreas", profile.InterestAreas, 0, 20, 80);
        ValidatePledges(v, profile.Pledges);
        v.Contact("contact", profile.Contact);
        v.MaxLength("description", profile.Description, 2000);
        v.ThrowIfInvalid();
    }

    public static DirectoryEntry ToDirectoryEntry(DiasporaGroupProfile profile, EntityMeta meta) => new()
    {
        Kind = EntityKind.DiasporaGroup,
        Slug = meta.Slug,
        Name = profile.Name,
        Regions = [profile.OriginRegion],
        Place = $"{profile.City}, {profile.Country}",
        ValueChains = [],
        Summary = profile.Description,
        Keywords = [.. profile.Skills, .. profile.InterestAreas],
        Skills = profile.Skills,
        InterestAreas = profile.InterestAreas,
        Version = meta.Version,
        UpdatedAt = meta.UpdatedAt,
        Format = DirectoryEntry.CurrentFormat,
    };

    private static void ValidatePledges(Validation v, Pledge[] pledges)
    {
        if (pledges.Length > 50)
        {
            v.Add("pledges", "50 promesses au plus.");
        }
        for (var i = 0; i < pledges.Length; i++)
        {
            var pledge = pledges[i];
            var field = $"pledges[{i}]";
            v.Defined($"{field}.kind", pledge.Kind);
            v.Money($"{field}.value", pledge.Value, required: pledge.Kind == PledgeKind.Money, positive: pledge.Kind == PledgeKind.Money);
            v.Required($"{field}.description", pledge.Description, 300);
            if (!Slug.IsValid(pledge.ProjectSlug))
            {
                v.Add($"{field}.projectSlug", "Identifiant de projet attendu (lettres minuscules, chiffres, tirets).");
            }
        }
    }
}
