using Kaolack.Contracts.Accounts;

namespace Kaolack.Contracts.Live;

/// <summary>A grain whose changes can be watched live: every entity grain and every directory.</summary>
public interface ILiveSource : IGrainWithStringKey
{
    /// <summary>Registers (or refreshes) a silo's relay; returns the source's current version.</summary>
    [ReadOnly]
    Task<long> Watch(ILiveObserver observer);

    [ReadOnly]
    Task Unwatch(ILiveObserver observer);

    /// <summary>
    /// The events after <paramref name="sinceVersion"/>, or a snapshot; null asks for a snapshot.
    /// Refused (<see cref="Errors.AccessDeniedException"/>) when the caller may not read the source;
    /// directory snapshots hold only what the caller may see.
    /// </summary>
    [ReadOnly]
    Task<CatchUp> CatchUp(Caller caller, long? sinceVersion);
}
