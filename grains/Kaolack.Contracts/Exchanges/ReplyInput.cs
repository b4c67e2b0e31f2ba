using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Exchanges;

/// <summary>A reply, for an organisation the caller belongs to.</summary>
[GenerateSerializer, Immutable]
public sealed record ReplyInput(
    [property: Id(0)] PartnerRef Organisation,
    [property: Id(1)] string Text);
