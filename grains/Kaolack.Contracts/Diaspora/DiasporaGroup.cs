using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Diaspora;

/// <param name="Members">The accounts (normalised e-mails) that may edit it.</param>
[GenerateSerializer, Immutable]
public sealed record DiasporaGroup(
    [property: Id(0)] EntityMeta Meta,
    [property: Id(1)] DiasporaGroupProfile Profile,
    [property: Id(2)] string[] Members);
