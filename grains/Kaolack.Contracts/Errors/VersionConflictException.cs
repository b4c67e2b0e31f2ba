namespace Kaolack.Contracts.Errors;

/// <summary>The caller edited an older version than the current one: someone changed it meanwhile.</summary>
[GenerateSerializer]
public sealed class VersionConflictException(long expectedVersion, long currentVersion)
    : DomainException($"Version {expectedVersion} attendue, version actuelle {currentVersion} : quelqu'un a modifié cette fiche entre-temps.")
{
    [Id(0)]
    public long ExpectedVersion { get; } = expectedVersion;

    [Id(1)]
    public long CurrentVersion { get; } = currentVersion;

    public override string Code => ErrorCodes.VersionConflict;
}
