using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Organisations;

/// <summary>An organisation as read at one version, shaped for its reader (its contact withheld from read-only readers).</summary>
/// <param name="Members">The accounts (normalised e-mails) that may edit it.</param>
[GenerateSerializer, Immutable]
public sealed record Organisation(
    [property: Id(0)] EntityMeta Meta,
    [property: Id(1)] OrganisationProfile Profile,
    [property: Id(2)] string[] Members);
