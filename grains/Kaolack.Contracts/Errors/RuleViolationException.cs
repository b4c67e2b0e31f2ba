namespace Kaolack.Contracts.Errors;

/// <summary>A well-formed request that a business rule forbids in the current state (e.g. activating a project without partners from both regions).</summary>
[GenerateSerializer]
public sealed class RuleViolationException(string rule, string message) : DomainException(message)
{
    [Id(0)]
    public string Rule { get; } = rule;

    public override string Code => ErrorCodes.RuleViolation;
}
