using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Entities;

namespace Kaolack.Grains.Tests.Entities;

public sealed class CooperativeRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Fact]
    public void Validate_accepts_a_valid_profile() =>
        Assert.Null(Record.Exception(() => CooperativeRules.Validate(CooperativeRules.Normalize(Samples.Cooperative()), Today)));

    [Fact]
    public void Validate_accepts_a_minimal_profile() =>
        Assert.Null(Record.Exception(() => CooperativeRules.Validate(new CooperativeProfile
        {
            Name = "GIE Bok Jom",
            Commune = "Kahone",
            ValueChains = ["Sel"],
            MemberCount = 1,
        }, Today)));

    [Theory]
    [InlineData("name")]
    [InlineData("region")]
    [InlineData("commune")]
    [InlineData("legalForm")]
    [InlineData("valueChains")]
    [InlineData("valueChains[0]")]
    [InlineData("products")]
    [InlineData("memberCount")]
    [InlineData("womenSharePercent")]
    [InlineData("youthSharePercent")]
    [InlineData("contact.person")]
    [InlineData("contact.email")]
    [InlineData("contact.phone")]
    [InlineData("languages")]
    [InlineData("languages[1]")]
    [InlineData("capacityNeeds")]
    [InlineData("fairParticipations")]
    [InlineData("fairParticipations[0].fair")]
    [InlineData("fairParticipations[0].role")]
    [InlineData("fairParticipations[0].year")]
    [InlineData("description")]
    public void Validate_reports_a_broken_field_rule_under_its_camel_case_path(string field)
    {
        var error = Assert.Throws<ValidationFailedException>(() => CooperativeRules.Validate(Break(Samples.Cooperative(), field), Today));
        Assert.Equal([field], error.Errors.Keys);
        Assert.NotEmpty(error.Errors[field]);
        Assert.All(error.Errors[field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public void Validate_reports_every_broken_rule_at_once()
    {
        var profile = Samples.Cooperative() with
        {
            Name = "",
            MemberCount = 0,
            Contact = new Contact { Email = "pas-une-adresse" },
        };
        var error = Assert.Throws<ValidationFailedException>(() => CooperativeRules.Validate(profile, Today));
        Assert.Equal(["contact.email", "memberCount", "name"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("validation-failed", error.Code);
    }

    [Fact]
    public void Validate_accepts_fair_years_up_to_two_years_ahead()
    {
        var profile = Samples.Cooperative() with
        {
            FairParticipations = [new FairParticipation(Fair.SalonEssOriental, Today.Year + 2, FairRole.Visitor)],
        };
        Assert.Null(Record.Exception(() => CooperativeRules.Validate(profile, Today)));
    }

    [Fact]
    public void Normalize_trims_text_and_dedups_value_chains_without_case_or_accents()
    {
        var normalized = CooperativeRules.Normalize(Samples.Cooperative() with
        {
            Name = "  Coopérative   Jokko ",
            Commune = " Ndiaffate ",
            ValueChains = [" Céréales ", "cereales", "CÉRÉALES", "", "Arachide", "arachide"],
            Products = ["Mil", " mil "],
            Description = "  Transformation  ",
        });
        Assert.Equal("Coopérative Jokko", normalized.Name);
        Assert.Equal("Ndiaffate", normalized.Commune);
        Assert.Equal(["Céréales", "Arachide"], normalized.ValueChains);
        Assert.Equal(["Mil"], normalized.Products);
        Assert.Equal("Transformation", normalized.Description);
    }

    [Fact]
    public void Normalize_lowercases_language_codes_and_email_and_drops_empty_contact_fields()
    {
        var normalized = CooperativeRules.Normalize(Samples.Cooperative() with
        {
            Languages = ["FR", "fr", " Wo "],
            Contact = new Contact { Person = "  ", Email = " Awa@Jokko.SN ", Phone = null },
        });
        Assert.Equal(["fr", "wo"], normalized.Languages);
        Assert.Null(normalized.Contact.Person);
        Assert.Equal("awa@jokko.sn", normalized.Contact.Email);
        Assert.Null(normalized.Contact.Phone);
    }

    [Fact]
    public void Normalize_dedups_fair_participations_and_orders_them_by_year()
    {
        var normalized = CooperativeRules.Normalize(Samples.Cooperative() with
        {
            FairParticipations =
            [
                new FairParticipation(Fair.SalonEssOriental, 2024, FairRole.Visitor),
                new FairParticipation(Fair.FoireInternationaleKaolack, 2022, FairRole.Exhibitor),
                new FairParticipation(Fair.SalonEssOriental, 2024, FairRole.Visitor),
            ],
        });
        Assert.Equal(
            [
                new FairParticipation(Fair.FoireInternationaleKaolack, 2022, FairRole.Exhibitor),
                new FairParticipation(Fair.SalonEssOriental, 2024, FairRole.Visitor),
            ],
            normalized.FairParticipations);
    }

    [Fact]
    public void Normalize_turns_missing_lists_into_empty_ones()
    {
        var normalized = CooperativeRules.Normalize(new CooperativeProfile
        {
            ValueChains = null!,
            Products = null!,
            Languages = null!,
            CapacityNeeds = null!,
            FairParticipations = null!,
            Contact = null!,
        });
        Assert.Empty(normalized.ValueChains);
        Assert.Empty(normalized.Products);
        Assert.Empty(normalized.Languages);
        Assert.Empty(normalized.CapacityNeeds);
        Assert.Empty(normalized.FairParticipations);
        Assert.NotNull(normalized.Contact);
    }

    [Fact]
    public void Normalize_drops_missing_fair_participations_so_validation_reports_instead_of_crashing()
    {
        var normalized = CooperativeRules.Normalize(Samples.Cooperative() with
        {
            FairParticipations = [null!, new FairParticipation(Fair.SalonEssOriental, 2024, FairRole.Visitor), null!],
        });
        Assert.Equal([new FairParticipation(Fair.SalonEssOriental, 2024, FairRole.Visitor)], normalized.FairParticipations);
        Assert.Null(Record.Exception(() => CooperativeRules.Validate(normalized, Today)));
    }

    [Fact]
    public void ToDirectoryEntry_lists_the_cooperative_with_its_region_place_and_version()
    {
        var profile = CooperativeRules.Normalize(Samples.Cooperative());
        var meta = new EntityMeta("coop-jokko", 3, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));
        var entry = CooperativeRules.ToDirectoryEntry(profile, meta);
        Assert.Equal(EntityKind.Cooperative, entry.Kind);
        Assert.Equal("coop-jokko", entry.Slug);
        Assert.Equal(profile.Name, entry.Name);
        Assert.Equal([Region.Kaolack], entry.Regions);
        Assert.Equal("Ndiaffate", entry.Place);
        Assert.Equal(3, entry.Version);
        Assert.Equal(meta.UpdatedAt, entry.UpdatedAt);
        Assert.Contains("Mil", entry.Keywords);
    }

    /// <summary>The sample profile with exactly one rule broken: the one reported under <paramref name="field"/>.</summary>
    private static CooperativeProfile Break(CooperativeProfile p, string field) => field switch
    {
        "name" => p with { Name = "" },
        "region" => p with { Region = (Region)42 },
        "commune" => p with { Commune = new string('c', 81) },
        "legalForm" => p with { LegalForm = (LegalForm)42 },
        "valueChains" => p with { ValueChains = [] },
        "valueChains[0]" => p with { ValueChains = [new string('v', 61)] },
        "products" => p with { Products = [.. Enumerable.Range(1, 31).Select(i => $"Produit {i}")] },
        "memberCount" => p with { MemberCount = 0 },
        "womenSharePercent" => p with { WomenSharePercent = 101 },
        "youthSharePercent" => p with { YouthSharePercent = -1 },
        "contact.person" => p with { Contact = p.Contact with { Person = new string('p', 121) } },
        "contact.email" => p with { Contact = p.Contact with { Email = "awa@" } },
        "contact.phone" => p with { Contact = p.Contact with { Phone = "appelez-moi" } },
        "languages" => p with { Languages = [.. Enumerable.Range(0, 11).Select(i => $"l{(char)('a' + i)}")] },
        "languages[1]" => p with { Languages = ["fr", "francais"] },
        "capacityNeeds" => p with { CapacityNeeds = [.. Enumerable.Range(1, 21).Select(i => $"Besoin {i}")] },
        "fairParticipations" => p with
        {
            FairParticipations =
            [
                new FairParticipation(Fair.FoireInternationaleKaolack, 2024, FairRole.Exhibitor),
                new FairParticipation(Fair.FoireInternationaleKaolack, 2024, FairRole.Visitor),
            ],
        },
        "fairParticipations[0].fair" => p with { FairParticipations = [new FairParticipation((Fair)9, 2024, FairRole.Visitor)] },
        "fairParticipations[0].role" => p with { FairParticipations = [new FairParticipation(Fair.SalonEssOriental, 2024, (FairRole)9)] },
        "fairParticipations[0].year" => p with { FairParticipations = [new FairParticipation(Fair.SalonEssOriental, 1999, FairRole.Visitor)] },
        "description" => p with { Description = new string('d', 2001) },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No way to break this field."),
    };
}
