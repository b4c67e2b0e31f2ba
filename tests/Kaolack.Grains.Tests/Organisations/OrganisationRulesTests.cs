using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Organisations;
using Kaolack.Grains.Live;
using Kaolack.Grains.Organisations;

namespace Kaolack.Grains.Tests.Organisations;

public sealed class OrganisationRulesTests
{
    [Fact]
    public void Normalize_trims_texts_lowercases_languages_and_drops_empty_items()
    {
        var normalized = OrganisationRules.Normalize(Samples.Organisation() with
        {
            Name = "  Université   du Sine-Saloum ",
            Sectors = ["  Formation ", "", "Agroalimentaire"],
            Languages = ["FR", " wo "],
        });

        Assert.Equal("Université du Sine-Saloum", normalized.Name);
        Assert.Equal(["Formation", "Agroalimentaire"], normalized.Sectors);
        Assert.Equal(["fr", "wo"], normalized.Languages);
    }

    [Fact]
    public void Validate_accepts_a_valid_profile() =>
        Assert.Null(Record.Exception(() => OrganisationRules.Validate(OrganisationRules.Normalize(Samples.Organisation()))));

    [Fact]
    public void Validate_lists_every_broken_rule()
    {
        var error = Assert.Throws<ValidationFailedException>(() => OrganisationRules.Validate(Samples.Organisation() with
        {
            Name = "",
            Kind = (OrganisationKind)42,
            Place = "",
            Sectors = [],
            Languages = ["français"],
        }));

        Assert.Equal(["kind", "languages[0]", "name", "place", "sectors"], error.Errors.Keys.Order());
    }

    [Fact]
    public void Its_directory_entry_carries_kind_region_sectors_and_offers_and_needs_as_searchable_words()
    {
        var entry = OrganisationRules.ToDirectoryEntry(Samples.Organisation(), Meta("chambre-commerce-kaolack", 3));

        Assert.Equal(EntityKind.Organisation, entry.Kind);
        Assert.Equal(OrganisationKind.Chamber, entry.OrganisationKind);
        Assert.Equal([Region.Kaolack], entry.Regions);
        Assert.Equal(["Commerce", "Arachide"], entry.ValueChains);
        Assert.Equal(["Accompagnement à l'export", "Acheteurs d'huile d'olive"], entry.Keywords);
        Assert.Equal(DirectoryEntry.CurrentFormat, entry.Format);
    }

    [Fact]
    public void A_read_only_partner_reads_the_organisation_without_its_contact_members_and_writers_with_it()
    {
        var organisation = new Organisation(Meta("cciak", 1), Samples.Organisation(), ["gerant@cciak.sn"]);
        var ownMemberWhoIsPartner = new Caller("gerant@cciak.sn", [Role.Partner]);

        Assert.Equal(new Contact(), OrganisationRules.ForReader(Callers.Partner(), organisation).Profile.Contact);
        Assert.Equal(organisation, OrganisationRules.ForReader(Callers.Member(), organisation));
        Assert.Equal(organisation, OrganisationRules.ForReader(Callers.Coach(), organisation));
        Assert.Equal(organisation, OrganisationRules.ForReader(ownMemberWhoIsPartner, organisation));
    }

    [Fact]
    public void Live_events_of_an_organisation_reach_a_partner_without_its_contact()
    {
        var organisation = new Organisation(Meta("cciak", 2), Samples.Organisation(), []);
        var liveEvent = new LiveEvent("organisation:cciak", 2, ChangeKind.Updated, DateTimeOffset.UnixEpoch, organisation);
        var rule = LiveVisibility.Of(TopicScope.Entity);

        var forPartner = Assert.IsType<Organisation>(rule.For(Callers.Partner(), liveEvent)?.Data);
        var forMember = Assert.IsType<Organisation>(rule.For(Callers.Member(), liveEvent)?.Data);

        Assert.Null(forPartner.Profile.Contact.Email);
        Assert.Equal("contact@cciak.sn", forMember.Profile.Contact.Email);
        Assert.True(rule.IsRestricted(liveEvent));
    }

    private static EntityMeta Meta(string slug, long version) => new(slug, version, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
