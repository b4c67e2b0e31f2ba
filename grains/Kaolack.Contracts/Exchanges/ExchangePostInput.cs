using Kaolack.Contracts.Common;
using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Exchanges;

/// <summary>An offer or a need as its author writes it, for an organisation they belong to.</summary>
[GenerateSerializer, Immutable]
public sealed record ExchangePostInput
{
    [Id(0)] public ExchangePostKind Kind { get; init; }
    [Id(1)] public ExchangeCategory Category { get; init; }
    /// <summary>The cooperative, diaspora group or organisation it is posted for.</summary>
    [Id(2)] public PartnerRef Organisation { get; init; } = new(default, "");
    [Id(3)] public string Title { get; init; } = "";
    [Id(4)] public string Description { get; init; } = "";
    /// <summary>The value chain or sector it is about ("huile d'olive"), spelled like the directory's.</summary>
    [Id(5)] public string ValueChain { get; init; } = "";
    /// <summary>As people say it: "2 t", "500 litres", "3 stagiaires".</summary>
    [Id(6)] public string Quantity { get; init; } = "";
    /// <summary>As people say it: "avant la Foire 2026", "mars–avril".</summary>
    [Id(7)] public string Period { get; init; } = "";
    /// <summary>Where the counterpart is wanted; null for either region.</summary>
    [Id(8)] public Region? RegionWanted { get; init; }
}
