using System.Buffers.Binary;
using Orleans.Serialization;

namespace Kaolack.Grains.Plans;

/// <summary>
/// The bytes of the op log. A blob read back is the concatenation of its blocks, so each block is framed:
/// a 4-byte little-endian length, then a <see cref="PlanLogBlock"/> in Orleans' version-tolerant format.
/// An append is atomic, so a blob never ends in a torn frame unless it was damaged.
/// </summary>
public static class PlanLogFormat
{
    /// <summary>Largest block an append blob accepts in every service version (newer ones take more).</summary>
    public const int MaxBlockBytes = 4 * 1024 * 1024;

    /// <summary>The frame header: the payload's length, 4 bytes little-endian.</summary>
    public const int HeaderBytes = sizeof(int);

    /// <summary>
    /// No frame is shorter: the header and a block of one record whose fields are all null or zero take 49 bytes (a
    /// keystroke's takes about 120). So a read of n bytes covers at most n / MinFrameBytes + 1 blocks, which bounds what a
    /// store opens to serve it (Azurite opens a file per block).
    /// </summary>
    public const int MinFrameBytes = 48;

    /// <summary>The records as framed blocks of at most <paramref name="maxBlockBytes"/> each (a record larger than that alone in its block), in order.</summary>
    public static IReadOnlyList<(long FirstVersion, byte[] Bytes)> Encode(Serializer serializer, IReadOnlyList<PlanLogRecord> records, int maxBlockBytes = MaxBlockBytes)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(records);
        var blocks = new List<(long, byte[])>();
        var start = 0;
        while (start < records.Count)
        {
            var count = records.Count - start;
            var bytes = Frame(serializer, records, start, count);
            // Halve until it fits; a single record is kept whatever its size (ops are bounded well below the limit).
            while (bytes.Length > maxBlockBytes && count > 1)
            {
                count = (count + 1) / 2;
                bytes = Frame(serializer, records, start, count);
            }
            blocks.Add((records[start].Version, bytes));
            start += count;
        }
        return blocks;
    }

    /// <summary>Every record of a blob's bytes, in order; a truncated or unreadable frame is an error.</summary>
    public static List<PlanLogRecord> Decode(Serializer serializer, ReadOnlyMemory<byte> bytes)
    {
        var decoder = new PlanLogDecoder(serializer);
        decoder.Add(bytes.Span);
        return decoder.Finish();
    }

    private static byte[] Frame(Serializer serializer, IReadOnlyList<PlanLogRecord> records, int start, int count)
    {
        var payload = serializer.SerializeToArray(new PlanLogBlock([.. records.Skip(start).Take(count)]));
        var framed = new byte[HeaderBytes + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(framed, payload.Length);
        payload.CopyTo(framed.AsSpan(HeaderBytes));
        return framed;
    }
}
