using Kaolack.Contracts.Plans;

namespace Kaolack.Grains.Tests.Plans;

/// <summary>Plan document keys: a project's slug or a workshop's notes, parsed once into their owner.</summary>
public sealed class PlanKeyTests
{
    [Theory]
    [InlineData("huile-olive-arachide", PlanOwnerKind.Project, "huile-olive-arachide", false)]
    [InlineData("atelier-diaspora-2026--notes", PlanOwnerKind.Workshop, "atelier-diaspora-2026", true)]
    public void A_key_names_its_owner_and_spells_back_the_same(string value, PlanOwnerKind kind, string ownerId, bool admitsGuests)
    {
        Assert.True(PlanKey.TryParse(value, out var key));

        Assert.Equal((kind, ownerId, admitsGuests), (key.OwnerKind, key.OwnerId, key.AdmitsGuests));
        Assert.Equal(value, key.ToString());
        Assert.Equal(key, PlanKey.Parse(value));
        Assert.Equal(key, kind == PlanOwnerKind.Project ? PlanKey.ForProject(ownerId) : PlanKey.ForWorkshopNotes(ownerId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("--notes")]
    [InlineData("a--b")]
    [InlineData("atelier--notes--notes")]
    [InlineData("Majuscules")]
    [InlineData("plan:projet")]
    public void Anything_else_is_no_plan_key(string? value)
    {
        Assert.False(PlanKey.TryParse(value, out _));
        Assert.Throws<ArgumentException>(() => PlanKey.Parse(value!));
    }
}
