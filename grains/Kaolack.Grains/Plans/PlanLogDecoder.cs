using System.Buffers.Binary;
using Orleans.Serialization;

namespace Kaolack.Grains.Plans;

/// <summary>
/// Decodes a log segment read in pieces (bounded range reads): each complete frame becomes its records, in order; a frame
/// cut by the end of a piece waits for the rest from the next one.
/// </summary>
public sealed class PlanLogDecoder(Serializer serializer)
{
    private byte[] carried = [];

    public List<PlanLogRecord> Records { get; } = [];

    /// <summary>Bytes still missing from the frame the last piece cut (its header included when that was cut too); 0 when none was.</summary>
    public int Missing { get; private set; }

    public void Add(ReadOnlySpan<byte> piece)
    {
        var bytes = new byte[carried.Length + piece.Length];
        carried.CopyTo(bytes, 0);
        piece.CopyTo(bytes.AsSpan(carried.Length));
        var at = 0;
        Missing = 0;
        while (at < bytes.Length)
        {
            if (bytes.Length - at < PlanLogFormat.HeaderBytes)
            {
                Missing = PlanLogFormat.HeaderBytes - (bytes.Length - at);
                break;
            }
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            if (length < 0)
            {
                throw new InvalidDataException($"Plan log: frame of {length} bytes at byte {at}.");
            }
            if (length > bytes.Length - at - PlanLogFormat.HeaderBytes)
            {
                Missing = length - (bytes.Length - at - PlanLogFormat.HeaderBytes);
                break;
            }
            at += PlanLogFormat.HeaderBytes;
            var block = serializer.Deserialize<PlanLogBlock>(bytes.AsMemory(at, length))
                ?? throw new InvalidDataException($"Plan log: empty frame at byte {at}.");
            Records.AddRange(block.Records);
            at += length;
        }
        carried = bytes[at..];
    }

    /// <summary>The records of the whole segment; a frame left incomplete at its end is an error, not a shorter log.</summary>
    public List<PlanLogRecord> Finish() => carried.Length == 0
        ? Records
        : throw new InvalidDataException($"Plan log: the segment ends inside a frame ({carried.Length} bytes read, {Missing} missing).");
}
