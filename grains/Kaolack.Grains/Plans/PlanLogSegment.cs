namespace Kaolack.Grains.Plans;

/// <summary>
/// One append blob of a plan's log: it holds versions from <see cref="FirstVersion"/> up to the next segment's first; its
/// size as last seen; and the most blocks it may ever hold, as its writer promised in its metadata (null for segments
/// written before segments said so, which may hold up to an append blob's 50,000); when it was last written, as listed
/// (null for one this process started).
/// </summary>
public sealed record PlanLogSegment(string BlobName, long FirstVersion, long Length, int Blocks, int? MaxBlocks = null, DateTimeOffset? LastModified = null);
