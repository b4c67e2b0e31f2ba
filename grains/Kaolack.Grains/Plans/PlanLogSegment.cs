namespace Kaolack.Grains.Plans;

/// <summary>One append blob of a plan's log: it holds versions from <see cref="FirstVersion"/> up to the next segment's first; its size as last seen.</summary>
public sealed record PlanLogSegment(string BlobName, long FirstVersion, long Length, int Blocks);
