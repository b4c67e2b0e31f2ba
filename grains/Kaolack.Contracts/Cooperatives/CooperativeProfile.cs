using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Cooperatives;

/// <summary>The editable profile of a cooperative, GIE, TPE/PME or association.</summary>
[GenerateSerializer, Immutable]
public sealed record CooperativeProfile
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public Region Region { get; init; }
    [Id(2)] public string Commune { get; init; } = "";
    [Id(3)] public LegalForm LegalForm { get; init; }
    [Id(4)] public string[] ValueChains { get; init; } = [];
    [Id(5)] public string[] Products { get; init; } = [];
    [Id(6)] public int MemberCount { get; init; }
    /// <summary>Share of women among members, in percent (0–100).</summary>
    [Id(7)] public int WomenSharePercent { get; init; }
    /// <summary>Share of members under 35, in percent (0–100).</summary>
    [Id(8)] public int YouthSharePercent { get; init; }
    [Id(9)] public Contact Contact { get; init; } = new();
    [Id(10)] public string[] Languages { get; init; } = [];
    [Id(11)] public string[] CapacityNeeds { get; init; } = [];
    [Id(12)] public FairParticipation[] FairParticipations { get; init; } = [];
    [Id(13)] public string Description { get; init; } = "";
}
