namespace Kaolack.Contracts.Live;

/// <summary>A grain whose changes can be watched live: every entity grain and every directory.</summary>
public interface ILiveSource : IGrainWithStringKey
{
    /// <summary>Registers (or refreshes) an observer; returns the source's current version.</summary>
    [AlwaysInterleave]
    Task<long> Watch(ILiveObserver observer);

    [AlwaysInterleave]
    Task Unwatch(ILiveObserver observer);

    /// <summary>The events after <paramref name="sinceVersion"/>, or a snapshot; null asks for a snapshot.</summary>
    [ReadOnly]
    Task<CatchUp> CatchUp(long? sinceVersion);
}
