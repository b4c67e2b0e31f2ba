using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Diaspora;

[GenerateSerializer, Immutable]
public sealed record DiasporaGroup(
    [property: Id(0)] EntityMeta Meta,
    [property: Id(1)] DiasporaGroupProfile Profile);
