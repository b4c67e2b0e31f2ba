using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Contracts.Wire;

/// <summary>
/// What crosses the live hub (/hubs/live), which the OpenAPI document of the REST API does not describe: the arguments
/// and answers of its methods, and the data of each topic scope's events. The web client's TypeScript contract is
/// generated from these types and from the REST endpoints' own (docs/DECISIONS.md, "One wire contract").
/// </summary>
public static class HubPayloads
{
    /// <summary>
    /// Arguments and answers: Subscribe answers a <see cref="CatchUp"/>; SubmitPlanOp takes a
    /// <see cref="PlanSubmission"/> and answers a <see cref="PlanAck"/>; UpdatePresence takes a
    /// <see cref="PresenceUpdate"/>; SendWorkshopCommand takes a <see cref="WorkshopCommand"/> and answers a
    /// <see cref="WorkshopAck"/>. Every event is a <see cref="LiveEvent"/>.
    /// </summary>
    public static IReadOnlyList<Type> Methods { get; } =
        [typeof(CatchUp), typeof(LiveEvent), typeof(PlanSubmission), typeof(PlanAck), typeof(PresenceUpdate), typeof(WorkshopCommand), typeof(WorkshopAck)];

    /// <summary>The <see cref="LiveEvent.Data"/> of each topic scope's events, as each kind declares it (<see cref="TopicKinds"/>).</summary>
    public static IReadOnlyDictionary<TopicScope, IReadOnlyList<Type>> EventData { get; } =
        TopicKinds.All.ToDictionary(kind => kind.Scope, kind => kind.EventData);
}
