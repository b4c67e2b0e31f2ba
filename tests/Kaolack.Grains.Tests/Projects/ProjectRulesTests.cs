using Kaolack.Grains.Projects;

namespace Kaolack.Grains.Tests.Projects;

public sealed class ProjectRulesTests
{
    private const string Owner = "porteur@kaolack.test";
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly PartnerInfo KaolackCoop = new(EntityKind.Cooperative, "coop-jokko", "Coopérative Jokko", Region.Kaolack);
    private static readonly PartnerInfo KaolackGie = new(EntityKind.Cooperative, "gie-bok-jom", "GIE Bok Jom", Region.Kaolack);
    private static readonly PartnerInfo OrientalGroup = new(EntityKind.DiasporaGroup, "orientaux-lyon", "Orientaux de Lyon", Region.Oriental);

    [Fact]
    public void Create_starts_proposed_without_partners_with_its_creator_as_only_owner_and_logs_the_creation()
    {
        var data = ProjectRules.Create(Samples.Project(), Owner, 1, Now);
        Assert.Equal(ProjectStatus.Proposed, data.Status);
        Assert.Empty(data.Partners);
        Assert.Empty(data.Contributions);
        Assert.Equal([new ProjectMember(Owner, ProjectRole.Owner, Now)], data.Members);
        Assert.Empty(data.Invitations);
        var entry = Assert.Single(data.Activity);
        Assert.Equal((1L, "created", Now), (entry.Version, entry.Kind, entry.At));
    }

    [Theory]
    [InlineData(ProjectStatus.Proposed, ProjectStatus.Active)]
    [InlineData(ProjectStatus.Proposed, ProjectStatus.Cancelled)]
    [InlineData(ProjectStatus.Active, ProjectStatus.AtRisk)]
    [InlineData(ProjectStatus.Active, ProjectStatus.Completed)]
    [InlineData(ProjectStatus.Active, ProjectStatus.Cancelled)]
    [InlineData(ProjectStatus.AtRisk, ProjectStatus.Active)]
    [InlineData(ProjectStatus.AtRisk, ProjectStatus.Completed)]
    [InlineData(ProjectStatus.AtRisk, ProjectStatus.Cancelled)]
    [InlineData(ProjectStatus.Completed, ProjectStatus.Active)]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.Proposed)]
    public void ChangeStatus_allows_the_transitions_of_a_project_life(ProjectStatus from, ProjectStatus to)
    {
        var data = WithBothRegions() with { Status = from };
        var next = ProjectRules.ChangeStatus(data, to, 9, Now);
        Assert.NotNull(next);
        Assert.Equal(to, next.Status);
        var logged = next.Activity[^1];
        Assert.Equal((9L, "status-changed"), (logged.Version, logged.Kind));
    }

    [Theory]
    [InlineData(ProjectStatus.Proposed, ProjectStatus.AtRisk)]
    [InlineData(ProjectStatus.Proposed, ProjectStatus.Completed)]
    [InlineData(ProjectStatus.Active, ProjectStatus.Proposed)]
    [InlineData(ProjectStatus.AtRisk, ProjectStatus.Proposed)]
    [InlineData(ProjectStatus.Completed, ProjectStatus.Proposed)]
    [InlineData(ProjectStatus.Completed, ProjectStatus.Cancelled)]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.Active)]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.Completed)]
    public void ChangeStatus_refuses_other_transitions(ProjectStatus from, ProjectStatus to)
    {
        var data = WithBothRegions() with { Status = from };
        var error = Assert.Throws<RuleViolationException>(() => ProjectRules.ChangeStatus(data, to, 9, Now));
        Assert.Equal("status-transition", error.Rule);
    }

    [Fact]
    public void ChangeStatus_to_the_current_status_changes_nothing() =>
        Assert.Null(ProjectRules.ChangeStatus(WithBothRegions(), ProjectStatus.Proposed, 9, Now));

    [Fact]
    public void ChangeStatus_refuses_an_unknown_status()
    {
        var error = Assert.Throws<ValidationFailedException>(() => ProjectRules.ChangeStatus(WithBothRegions(), (ProjectStatus)42, 9, Now));
        Assert.Equal(["status"], error.Errors.Keys);
    }

    [Fact]
    public void Activation_is_refused_until_partners_from_both_regions_exist()
    {
        var data = ProjectRules.Create(Samples.Project(), Owner, 1, Now);
        AssertActivationRefused(data);

        data = ProjectRules.AddPartner(data, KaolackCoop, 2, Now)!;
        AssertActivationRefused(data);

        data = ProjectRules.AddPartner(data, KaolackGie, 3, Now)!;
        AssertActivationRefused(data);

        data = ProjectRules.AddPartner(data, OrientalGroup, 4, Now)!;
        var active = ProjectRules.ChangeStatus(data, ProjectStatus.Active, 5, Now);
        Assert.Equal(ProjectStatus.Active, active?.Status);
    }

    [Fact]
    public void Reactivating_a_project_at_risk_also_needs_both_regions()
    {
        var data = ProjectRules.AddPartner(ProjectRules.Create(Samples.Project(), Owner, 1, Now), KaolackCoop, 2, Now)! with { Status = ProjectStatus.AtRisk };
        var error = Assert.Throws<RuleViolationException>(() => ProjectRules.ChangeStatus(data, ProjectStatus.Active, 3, Now));
        Assert.Equal("partners-from-both-regions", error.Rule);
    }

    [Theory]
    [InlineData(ProjectStatus.Active)]
    [InlineData(ProjectStatus.AtRisk)]
    public void Removing_the_last_partner_of_a_region_from_a_running_project_is_refused(ProjectStatus status)
    {
        var data = WithBothRegions() with { Status = status };
        var error = Assert.Throws<RuleViolationException>(() =>
            ProjectRules.RemovePartner(data, new PartnerRef(EntityKind.DiasporaGroup, OrientalGroup.Slug), 9, Now));
        Assert.Equal("partners-from-both-regions", error.Rule);
    }

    [Fact]
    public void Removing_a_partner_whose_region_stays_covered_is_allowed_on_an_active_project()
    {
        var data = ProjectRules.AddPartner(WithBothRegions(), KaolackGie, 4, Now)! with { Status = ProjectStatus.Active };
        var next = ProjectRules.RemovePartner(data, new PartnerRef(EntityKind.Cooperative, KaolackCoop.Slug), 5, Now);
        Assert.Equal([KaolackGie.Slug, OrientalGroup.Slug], next.Partners.Select(p => p.Slug).Order(StringComparer.Ordinal));
        Assert.Equal("partner-removed", next.Activity[^1].Kind);
    }

    [Fact]
    public void Removing_the_last_partner_of_a_region_from_a_proposed_project_is_allowed()
    {
        var next = ProjectRules.RemovePartner(WithBothRegions(), new PartnerRef(EntityKind.DiasporaGroup, OrientalGroup.Slug), 4, Now);
        Assert.Equal([KaolackCoop.Slug], next.Partners.Select(p => p.Slug));
    }

    [Fact]
    public void Removing_an_organisation_that_is_not_a_partner_is_not_found() =>
        Assert.Throws<EntityNotFoundException>(() =>
            ProjectRules.RemovePartner(WithBothRegions(), new PartnerRef(EntityKind.Cooperative, "inconnue"), 4, Now));

    [Fact]
    public void AddPartner_records_the_partner_with_its_region_and_logs_it()
    {
        var next = ProjectRules.AddPartner(ProjectRules.Create(Samples.Project(), Owner, 1, Now), OrientalGroup, 2, Now);
        Assert.NotNull(next);
        var partner = Assert.Single(next.Partners);
        Assert.Equal(new ProjectPartner(EntityKind.DiasporaGroup, OrientalGroup.Slug, OrientalGroup.Name, Region.Oriental, Now), partner);
        Assert.Equal((2L, "partner-added"), (next.Activity[^1].Version, next.Activity[^1].Kind));
    }

    [Fact]
    public void AddPartner_is_idempotent_and_returns_null_for_an_existing_partner()
    {
        var data = WithBothRegions();
        Assert.Null(ProjectRules.AddPartner(data, KaolackCoop, 9, Now));
        Assert.Null(ProjectRules.AddPartner(data, KaolackCoop with { Name = "Nouveau nom" }, 9, Now));
    }

    [Fact]
    public void AddPartner_tells_a_cooperative_and_a_diaspora_group_with_the_same_slug_apart()
    {
        var data = ProjectRules.AddPartner(ProjectRules.Create(Samples.Project(), Owner, 1, Now), KaolackCoop, 2, Now)!;
        var next = ProjectRules.AddPartner(data, KaolackCoop with { Kind = EntityKind.DiasporaGroup }, 3, Now);
        Assert.Equal(2, next?.Partners.Length);
    }

    [Fact]
    public void AddPartner_refuses_more_than_the_partner_limit()
    {
        var data = ProjectRules.Create(Samples.Project(), Owner, 1, Now);
        for (var i = 0; i < ProjectRules.PartnerLimit; i++)
        {
            data = ProjectRules.AddPartner(data, KaolackCoop with { Slug = $"coop-{i}" }, i + 2, Now)!;
        }
        var error = Assert.Throws<RuleViolationException>(() => ProjectRules.AddPartner(data, OrientalGroup, 99, Now));
        Assert.Equal("partner-limit", error.Rule);
    }

    [Fact]
    public void Activity_log_is_bounded_at_the_limit_and_keeps_the_newest_entries()
    {
        var full = ProjectRules.Create(Samples.Project(), Owner, 1, Now) with
        {
            Activity = [.. Enumerable.Range(1, ProjectRules.ActivityLimit).Select(v => new ActivityEntry(v, Now, "updated", $"v{v}"))],
        };
        var next = ProjectRules.UpdateCharter(full, Samples.Project("Nouveau titre"), ProjectRules.ActivityLimit + 1, Now);
        Assert.Equal(ProjectRules.ActivityLimit, next.Activity.Length);
        Assert.Equal(2, next.Activity[0].Version);
        Assert.Equal(ProjectRules.ActivityLimit + 1, next.Activity[^1].Version);
        Assert.Equal(Enumerable.Range(2, ProjectRules.ActivityLimit).Select(v => (long)v), next.Activity.Select(a => a.Version));
    }

    [Fact]
    public void Activity_log_grows_until_the_limit()
    {
        var almostFull = ProjectRules.Create(Samples.Project(), Owner, 1, Now) with
        {
            Activity = [.. Enumerable.Range(1, ProjectRules.ActivityLimit - 1).Select(v => new ActivityEntry(v, Now, "updated", $"v{v}"))],
        };
        var next = ProjectRules.UpdateCharter(almostFull, Samples.Project(), ProjectRules.ActivityLimit, Now);
        Assert.Equal(ProjectRules.ActivityLimit, next.Activity.Length);
        Assert.Equal(1, next.Activity[0].Version);
    }

    [Fact]
    public void Contributions_are_numbered_from_one_in_order()
    {
        var data = ProjectRules.Create(Samples.Project(), Owner, 1, Now);
        for (var i = 0; i < 3; i++)
        {
            data = ProjectRules.AddContribution(data, Contribution($"Donateur {i}"), i + 2, Now);
        }
        Assert.Equal([1, 2, 3], data.Contributions.Select(c => c.Number));
        Assert.Equal(["Donateur 0", "Donateur 1", "Donateur 2"], data.Contributions.Select(c => c.Details.From));
        Assert.Equal("contribution-added", data.Activity[^1].Kind);
    }

    [Fact]
    public void Contribution_numbers_continue_after_the_highest_one_and_are_never_reused()
    {
        var data = ProjectRules.Create(Samples.Project(), Owner, 1, Now) with
        {
            Contributions = [new Contribution(1, Contribution("A"), Now), new Contribution(5, Contribution("B"), Now)],
        };
        var next = ProjectRules.AddContribution(data, Contribution("C"), 2, Now);
        Assert.Equal(6, next.Contributions[^1].Number);
    }

    [Fact]
    public void Validate_contribution_requires_a_giver_a_positive_amount_and_a_plausible_date()
    {
        var today = new DateOnly(2025, 6, 1);
        Assert.Null(Record.Exception(() => ProjectRules.Validate(Contribution("Mairie de Kaolack"), today)));
        var error = Assert.Throws<ValidationFailedException>(() => ProjectRules.Validate(
            new ContributionInput { From = "", Amount = new Money(0, Currency.Xof), ReceivedOn = today.AddDays(5) }, today));
        Assert.Equal(["amount.amount", "from", "receivedOn"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_charter_reports_its_field_paths()
    {
        var charter = Samples.Project() with
        {
            Title = "",
            SdgTags = [6, 18],
            StartDate = new DateOnly(2026, 1, 1),
            EndDate = new DateOnly(2025, 1, 1),
            Budget = new Money(-1, Currency.Mad),
        };
        var error = Assert.Throws<ValidationFailedException>(() => ProjectRules.Validate(charter));
        Assert.Equal(["budget.amount", "endDate", "sdgTags[1]", "title"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToDirectoryEntry_carries_status_partner_regions_partner_names_and_the_members_as_readers()
    {
        var data = WithBothRegions() with { Status = ProjectStatus.Active };
        var entry = ProjectRules.ToDirectoryEntry(data, new EntityMeta("puits", 4, Now, Now));
        Assert.Equal(ProjectStatus.Active, entry.Status);
        Assert.Equal([Region.Kaolack, Region.Oriental], entry.Regions);
        Assert.Contains(OrientalGroup.Name, entry.Keywords);
        Assert.Contains("ODD 6", entry.Keywords);
        Assert.Equal(4, entry.Version);
        Assert.Equal([Owner], entry.Readers!);
    }

    private static ProjectData WithBothRegions()
    {
        var data = ProjectRules.Create(Samples.Project(), Owner, 1, Now);
        data = ProjectRules.AddPartner(data, KaolackCoop, 2, Now)!;
        return ProjectRules.AddPartner(data, OrientalGroup, 3, Now)!;
    }

    private static void AssertActivationRefused(ProjectData data)
    {
        var error = Assert.Throws<RuleViolationException>(() => ProjectRules.ChangeStatus(data, ProjectStatus.Active, 99, Now));
        Assert.Equal("partners-from-both-regions", error.Rule);
        Assert.Equal("rule-violation", error.Code);
    }

    private static ContributionInput Contribution(string from) =>
        new() { From = from, Amount = new Money(100_000m, Currency.Xof), ReceivedOn = new DateOnly(2025, 5, 1) };
}
