using System.Collections.Immutable;
using Kaolack.Contracts.Dashboard;

namespace Kaolack.Grains.Dashboard;

/// <summary>The programme dashboard as stored (Blob storage: it grows with the programme).</summary>
[GenerateSerializer, Alias("kaolack.programme-state.v1")]
public sealed class ProgrammeState
{
    [Id(0)] public ImmutableDictionary<string, ProjectSummary> Projects { get; set; } = ImmutableDictionary<string, ProjectSummary>.Empty;
    /// <summary>Keyed by <see cref="OrganisationFacts.Key"/>.</summary>
    [Id(1)] public ImmutableDictionary<string, OrganisationFacts> Organisations { get; set; } = ImmutableDictionary<string, OrganisationFacts>.Empty;
    [Id(2)] public ProgressPoint[] Series { get; set; } = [];
    /// <summary>The last version pushed on "dashboard:programme".</summary>
    [Id(3)] public long PushVersion { get; set; }
}
