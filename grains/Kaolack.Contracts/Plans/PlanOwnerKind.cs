namespace Kaolack.Contracts.Plans;

/// <summary>What owns a plan document (<see cref="PlanKey"/>).</summary>
public enum PlanOwnerKind
{
    /// <summary>A joint project's plan.</summary>
    Project,

    /// <summary>A workshop's shared notes.</summary>
    Workshop,
}
