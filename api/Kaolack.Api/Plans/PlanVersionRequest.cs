namespace Kaolack.Api.Plans;

/// <summary>The body of a named-version save: its name (1–80 characters once trimmed, unique in the plan).</summary>
public sealed record PlanVersionRequest(string? Name);
