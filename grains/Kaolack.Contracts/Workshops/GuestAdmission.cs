namespace Kaolack.Contracts.Workshops;

/// <summary>A guest let in by the join code: the id their session carries, valid for this workshop only.</summary>
[GenerateSerializer, Immutable]
public sealed record GuestAdmission([property: Id(0)] string WorkshopId, [property: Id(1)] string GuestId, [property: Id(2)] string DisplayName);
