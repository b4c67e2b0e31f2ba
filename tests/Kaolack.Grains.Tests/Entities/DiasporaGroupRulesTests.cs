using Kaolack.Contracts.Common;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Entities;

namespace Kaolack.Grains.Tests.Entities;

public sealed class DiasporaGroupRulesTests
{
    [Fact]
    public void Validate_accepts_a_valid_profile() =>
        Assert.Null(Record.Exception(() => DiasporaGroupRules.Validate(DiasporaGroupRules.Normalize(Samples.DiasporaGroup()))));

    [Fact]
    public void Validate_accepts_a_money_pledge_with_a_positive_value() =>
        AssertValid(WithPledge(new Pledge
        {
            Kind = PledgeKind.Money,
            Value = new Money(500m, Currency.Eur),
            Description = "Cotisation annuelle",
            ProjectSlug = "puits-solaires",
        }));

    [Fact]
    public void Validate_refuses_a_money_pledge_without_a_value()
    {
        var error = Assert.Throws<ValidationFailedException>(() => DiasporaGroupRules.Validate(WithPledge(new Pledge
        {
            Kind = PledgeKind.Money,
            Description = "Cotisation",
            ProjectSlug = "puits-solaires",
        })));
        Assert.Equal(["pledges[0].value"], error.Errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void Validate_refuses_a_money_pledge_whose_amount_is_not_positive(int amount)
    {
        var error = Assert.Throws<ValidationFailedException>(() => DiasporaGroupRules.Validate(WithPledge(new Pledge
        {
            Kind = PledgeKind.Money,
            Value = new Money(amount, Currency.Eur),
            Description = "Cotisation",
            ProjectSlug = "puits-solaires",
        })));
        Assert.Equal(["pledges[0].value.amount"], error.Errors.Keys);
    }

    [Fact]
    public void Validate_accepts_an_in_kind_pledge_without_a_value() =>
        AssertValid(WithPledge(new Pledge
        {
            Kind = PledgeKind.InKind,
            Description = "Deux ordinateurs portables",
            ProjectSlug = "puits-solaires",
        }));

    [Theory]
    [InlineData("")]
    [InlineData("Puits Solaires")]
    [InlineData("puits--solaires")]
    [InlineData("puits-solaires-")]
    public void Validate_refuses_a_pledge_whose_project_slug_is_not_a_slug(string projectSlug)
    {
        var error = Assert.Throws<ValidationFailedException>(() => DiasporaGroupRules.Validate(WithPledge(new Pledge
        {
            Kind = PledgeKind.InKind,
            Description = "Matériel",
            ProjectSlug = projectSlug,
        })));
        Assert.Equal(["pledges[0].projectSlug"], error.Errors.Keys);
    }

    [Fact]
    public void Validate_reports_the_index_of_the_broken_pledge()
    {
        var good = new Pledge { Kind = PledgeKind.InKind, Description = "Matériel", ProjectSlug = "puits-solaires" };
        var profile = Samples.DiasporaGroup() with { Pledges = [good, good with { Description = "" }] };
        var error = Assert.Throws<ValidationFailedException>(() => DiasporaGroupRules.Validate(profile));
        Assert.Equal(["pledges[1].description"], error.Errors.Keys);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("originRegion")]
    [InlineData("country")]
    [InlineData("city")]
    [InlineData("memberCount")]
    [InlineData("contact.email")]
    public void Validate_reports_a_broken_field_rule_under_its_camel_case_path(string field)
    {
        var p = Samples.DiasporaGroup();
        var broken = field switch
        {
            "name" => p with { Name = "" },
            "originRegion" => p with { OriginRegion = (Region)7 },
            "country" => p with { Country = "" },
            "city" => p with { City = new string('c', 81) },
            "memberCount" => p with { MemberCount = 100_001 },
            "contact.email" => p with { Contact = new Contact { Email = "non" } },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        var error = Assert.Throws<ValidationFailedException>(() => DiasporaGroupRules.Validate(broken));
        Assert.Equal([field], error.Errors.Keys);
    }

    [Fact]
    public void Normalize_cleans_pledge_text_so_a_padded_project_slug_is_accepted()
    {
        var normalized = DiasporaGroupRules.Normalize(Samples.DiasporaGroup() with
        {
            Name = "  Association   des Orientaux ",
            Skills = ["Ingénierie", "ingenierie", " Logistique "],
            Pledges = [new Pledge { Kind = PledgeKind.InKind, Description = "  Pompes  ", ProjectSlug = " puits-solaires " }],
        });
        Assert.Equal("Association des Orientaux", normalized.Name);
        Assert.Equal(["Ingénierie", "Logistique"], normalized.Skills);
        var pledge = Assert.Single(normalized.Pledges);
        Assert.Equal("Pompes", pledge.Description);
        Assert.Equal("puits-solaires", pledge.ProjectSlug);
        AssertValid(normalized);
    }

    [Fact]
    public void Normalize_drops_missing_pledges_so_validation_reports_instead_of_crashing()
    {
        var pledge = new Pledge { Kind = PledgeKind.InKind, Description = "Matériel", ProjectSlug = "puits-solaires" };
        var normalized = DiasporaGroupRules.Normalize(Samples.DiasporaGroup() with { Pledges = [null!, pledge] });
        Assert.Equal([pledge], normalized.Pledges);
        AssertValid(normalized);
    }

    private static void AssertValid(DiasporaGroupProfile profile) =>
        Assert.Null(Record.Exception(() => DiasporaGroupRules.Validate(profile)));

    private static DiasporaGroupProfile WithPledge(Pledge pledge) => Samples.DiasporaGroup() with { Pledges = [pledge] };
}
