namespace Kaolack.Grains.Entities;

/// <summary>A cooperative's or diaspora group's persisted state: its profile and the accounts that may edit it.</summary>
[GenerateSerializer, Immutable, Alias("kaolack.organisation-data.v1")]
public sealed record OrganisationData<TProfile>(
    [property: Id(0)] TProfile Profile,
    [property: Id(1)] string[] Members);
