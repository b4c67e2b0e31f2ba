using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Entities;

public static class CooperativeRules
{
    public static CooperativeProfile Normalize(CooperativeProfile profile) => profile with
    {
        Name = Text.Clean(profile.Name),
        Commune = Text.Clean(profile.Commune),
        ValueChains = Text.CleanList(profile.ValueChains),
        Products = Text.CleanList(profile.Products),
        Contact = ContactRules.Normalize(profile.Contact),
        Languages = Text.CleanList(profile.Languages).Select(code => code.ToLowerInvariant()).ToArray(),
        CapacityNeeds = Text.CleanList(profile.CapacityNeeds),
        FairParticipations = (profile.FairParticipations ?? []).Where(p => p is not null).Distinct().OrderBy(p => p.Year).ThenBy(p => p.Fair).ToArray(),
        Description = Text.Clean(profile.Description),
    };

    /// <summary>Throws <see cref="Kaolack.Contracts.Errors.ValidationFailedException"/> listing every broken rule.</summary>
    public static void Validate(CooperativeProfile profile, DateOnly today)
    {
        var v = new Validation();
        v.Required("name", profile.Name, 120);
        v.Defined("region", profile.Region);
        v.Required("commune", profile.Commune, 80);
        v.Defined("legalForm", profile.LegalForm);
        v.List("valueChains", profile.ValueChains, 1, 12, 60);
        v.List("products", profile.Products, 0, 30, 80);
        v.Range("memberCount", profile.MemberCount, 1, 100_000);
        v.Range("womenSharePercent", profile.WomenSharePercent, 0, 100);
        v.Range("youthSharePercent", profile.YouthSharePercent, 0, 100);
        v.Contact("contact", profile.Contact);
        LanguageRules.Validate(v, "languages", profile.Languages);
        v.List("capacityNeeds", profile.CapacityNeeds, 0, 20, 120);
        ValidateFairs(v, profile.FairParticipations, today);
        v.MaxLength("description", profile.Description, 2000);
        v.ThrowIfInvalid();
    }

    public static DirectoryEntry ToDirectoryEntry(CooperativeProfile profile, EntityMeta meta) => new()
    {
        Kind = EntityKind.Cooperative,
        Slug = meta.Slug,
        Name = profile.Name,
        Regions = [profile.Region],
        Place = profile.Commune,
        ValueChains = profile.ValueChains,
        Summary = profile.Description,
        Keywords = [.. profile.Products, .. profile.CapacityNeeds, LegalFormLabel(profile.LegalForm)],
        CapacityNeeds = profile.CapacityNeeds,
        LegalForm = profile.LegalForm,
        Version = meta.Version,
        UpdatedAt = meta.UpdatedAt,
        Format = DirectoryEntry.CurrentFormat,
    };

    private static string LegalFormLabel(LegalForm form) => form switch
    {
        LegalForm.Cooperative => "coopérative",
        LegalForm.Gie => "GIE",
        LegalForm.Tpe => "TPE",
        LegalForm.Pme => "PME",
        _ => "association",
    };

    private static void ValidateFairs(Validation v, FairParticipation[] fairs, DateOnly today)
    {
        if (fairs.Length > 40)
        {
            v.Add("fairParticipations", "40 participations au plus.");
        }
        for (var i = 0; i < fairs.Length; i++)
        {
            var fair = fairs[i];
            v.Defined($"fairParticipations[{i}].fair", fair.Fair);
            v.Defined($"fairParticipations[{i}].role", fair.Role);
            v.Range($"fairParticipations[{i}].year", fair.Year, 2000, today.Year + 2);
        }
        if (fairs.GroupBy(f => (f.Fair, f.Year)).Any(g => g.Count() > 1))
        {
            v.Add("fairParticipations", "Une seule participation par foire et par année.");
        }
    }
}
