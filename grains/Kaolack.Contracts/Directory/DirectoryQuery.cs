using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Organisations;
using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Directory;

[GenerateSerializer, Immutable]
public sealed record DirectoryQuery
{
    public const int MaxPageSize = 100;

    [Id(0)] public string? Text { get; init; }
    [Id(1)] public Region? Region { get; init; }
    [Id(2)] public string? ValueChain { get; init; }
    [Id(3)] public ProjectStatus? Status { get; init; }
    /// <summary>1-based.</summary>
    [Id(4)] public int Page { get; init; } = 1;
    [Id(5)] public int PageSize { get; init; } = 20;
    /// <summary>Only cooperatives of this legal form.</summary>
    [Id(6)] public LegalForm? LegalForm { get; init; }
    /// <summary>Only organisations of this kind.</summary>
    [Id(7)] public OrganisationKind? OrganisationKind { get; init; }
}
