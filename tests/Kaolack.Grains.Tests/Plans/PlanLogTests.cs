using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Grains.Plans;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static Kaolack.Grains.Tests.Plans.PlanOps;

namespace Kaolack.Grains.Tests.Plans;

/// <summary>The op log's pure parts: framing of blocks, segment naming and rolling, which segments to read, ranges without gaps.</summary>
public sealed class PlanLogTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(PlanLogRecord).Assembly).AddAssembly(typeof(PlanOp).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static PlanLogRecord Record(long version, string text = "x") =>
        new(new PlanChange(version, $"c{version}", 1, "awa@example.org", Body("s1", TextOp.InsertAt(0, text)), Noon.AddSeconds(version)), "Awa Ndiaye");

    private static PlanLogRecord[] Records(long from, long to) => [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(v => Record(v))];

    [Fact]
    public void Blocks_concatenated_as_a_blob_reads_them_decode_to_every_record_in_order()
    {
        var blob = PlanLogFormat.Encode(Serializer, Records(1, 3)).Concat(PlanLogFormat.Encode(Serializer, Records(4, 4)))
            .SelectMany(b => b.Bytes).ToArray();

        var decoded = PlanLogFormat.Decode(Serializer, blob);

        Assert.Equal([1L, 2L, 3L, 4L], decoded.Select(r => r.Version));
        Assert.Equal(Record(2), decoded[1]);
    }

    [Fact]
    public void A_batch_larger_than_a_block_is_split_into_blocks_that_each_fit_and_start_at_their_first_version()
    {
        var batch = Enumerable.Range(1, 40).Select(v => Record(v, new string('é', 200))).ToArray();

        var blocks = PlanLogFormat.Encode(Serializer, batch, maxBlockBytes: 2048);

        Assert.True(blocks.Count > 1, $"{blocks.Count} block(s)");
        Assert.All(blocks, b => Assert.True(b.Bytes.Length <= 2048, $"{b.Bytes.Length} bytes"));
        Assert.Equal(1, blocks[0].FirstVersion);
        var decoded = blocks.Select(b => PlanLogFormat.Decode(Serializer, b.Bytes)).ToList();
        Assert.Equal(blocks.Select(b => b.FirstVersion), decoded.Select(d => d[0].Version));
        Assert.Equal(Enumerable.Range(1, 40).Select(v => (long)v), decoded.SelectMany(d => d).Select(r => r.Version));
    }

    [Fact]
    public void A_truncated_blob_is_an_error_not_a_shorter_log()
    {
        var bytes = PlanLogFormat.Encode(Serializer, Records(1, 2))[0].Bytes;

        Assert.Throws<InvalidDataException>(() => PlanLogFormat.Decode(Serializer, bytes.AsMemory(0, bytes.Length - 1)));
        Assert.Throws<InvalidDataException>(() => PlanLogFormat.Decode(Serializer, bytes.AsMemory(0, 3)));
    }

    [Fact]
    public void No_frame_is_shorter_than_the_bound_that_sizes_range_reads()
    {
        PlanLogRecord[] smallest =
        [
            new(new PlanChange(0, null!, 0, null!, null!, default), null!),
            new(new PlanChange(0, "", 0, "", new PlanOp(), default), ""),
            Record(1, "x"),
        ];

        var sizes = smallest.Select(r => PlanLogFormat.Encode(Serializer, [r]).Single().Bytes.Length).ToList();

        Assert.All(sizes, size => Assert.True(size >= PlanLogFormat.MinFrameBytes, $"a frame of {size} bytes, below {PlanLogFormat.MinFrameBytes}"));
    }

    [Fact]
    public void A_segment_read_in_pieces_cut_anywhere_decodes_to_the_same_records_and_says_what_the_cut_frame_lacks()
    {
        var frames = PlanLogFormat.Encode(Serializer, Records(1, 3)).Concat(PlanLogFormat.Encode(Serializer, Records(4, 6))).Select(b => b.Bytes).ToList();
        var blob = frames.SelectMany(f => f).ToArray();
        var starts = frames.Select((_, i) => frames.Take(i).Sum(f => f.Length)).ToList();

        for (var cut = 0; cut <= blob.Length; cut++)
        {
            var decoder = new PlanLogDecoder(Serializer);
            decoder.Add(blob.AsSpan(0, cut));
            var frame = starts.FindLastIndex(start => start <= cut);
            var inFrame = cut - starts[frame];
            var missing = inFrame == 0 ? 0
                : inFrame < PlanLogFormat.HeaderBytes ? PlanLogFormat.HeaderBytes - inFrame
                : frames[frame].Length - inFrame;
            Assert.Equal(missing, decoder.Missing);
            decoder.Add(blob.AsSpan(cut));
            Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], decoder.Finish().Select(r => r.Version));
        }
        var byteByByte = new PlanLogDecoder(Serializer);
        foreach (var b in blob)
        {
            byteByByte.Add([b]);
        }
        Assert.Equal(6, byteByByte.Finish().Count);
    }

    [Fact]
    public void A_segment_that_ends_inside_a_frame_is_an_error_when_finished()
    {
        var bytes = PlanLogFormat.Encode(Serializer, Records(1, 2))[0].Bytes;
        var decoder = new PlanLogDecoder(Serializer);

        decoder.Add(bytes.AsSpan(0, bytes.Length - 1));

        Assert.Equal(1, decoder.Missing);
        Assert.Throws<InvalidDataException>(() => decoder.Finish());
    }

    [Theory]
    [InlineData(64, 1_000_000, null)]                            // promised at most as many blocks as one read covers: read whole
    [InlineData(65, 1_000_000, 64 * PlanLogFormat.MinFrameBytes)] // promised more: ranges
    [InlineData(-1, 1_000_000, 64 * PlanLogFormat.MinFrameBytes)] // written before segments promised: ranges
    [InlineData(-1, 64 * PlanLogFormat.MinFrameBytes, null)]      // too short to hold more blocks than a read covers
    public void A_segment_is_read_whole_only_when_that_covers_no_more_blocks_than_a_read_may(int maxBlocks, long length, int? rangeBytes)
    {
        var segment = new PlanLogSegment("s", 1, length, 0, maxBlocks < 0 ? null : maxBlocks);

        Assert.Equal(rangeBytes, PlanLogSegments.RangeBytes(segment, readMaxBlocks: 64));
    }

    [Fact]
    public void A_segment_rolls_at_the_block_limit_it_promised_even_when_the_configured_one_is_higher()
    {
        var options = new PlanStorageOptions { SegmentMaxBlocks = 1000 };

        Assert.True(PlanLogSegments.MustRoll(new PlanLogSegment("s", 1, 100, 128, MaxBlocks: 128), 10, options));
        Assert.False(PlanLogSegments.MustRoll(new PlanLogSegment("s", 1, 100, 127, MaxBlocks: 128), 10, options));
        Assert.True(PlanLogSegments.MustRoll(new PlanLogSegment("s", 1, 100, 20_000), 10, new PlanStorageOptions()));
    }

    [Fact]
    public void Segment_names_sort_by_first_version_and_parse_back_only_for_their_plan()
    {
        List<string> names = [PlanLogSegments.BlobName("forage-ndiaffate", 1), PlanLogSegments.BlobName("forage-ndiaffate", 950), PlanLogSegments.BlobName("forage-ndiaffate", 12_000)];

        Assert.Equal(names, names.Order(StringComparer.Ordinal));
        Assert.True(PlanLogSegments.TryParseFirstVersion("forage-ndiaffate", names[1], out var first));
        Assert.Equal(950, first);
        Assert.False(PlanLogSegments.TryParseFirstVersion("forage", names[1], out _));
        Assert.False(PlanLogSegments.TryParseFirstVersion("forage-ndiaffate", PlanLogSegments.VersionBlobName("forage-ndiaffate", 1), out _));
    }

    [Theory]
    [InlineData(0, 0, 100, false)]        // an empty segment takes any block
    [InlineData(9, 500, 100, false)]
    [InlineData(10, 500, 100, true)]      // block limit reached
    [InlineData(3, 1000, 25, true)]       // would pass the byte limit
    [InlineData(3, 1000, 24, false)]
    [InlineData(0, 0, 5000, false)]       // a block larger than the byte limit still goes into an empty segment
    public void A_segment_rolls_at_its_block_or_byte_limit(int blocks, long length, int blockBytes, bool rolls)
    {
        var options = new PlanStorageOptions { SegmentMaxBlocks = 10, SegmentMaxBytes = 1024 };

        Assert.Equal(rolls, PlanLogSegments.MustRoll(new PlanLogSegment("s", 1, length, blocks), blockBytes, options));
    }

    [Theory]
    [InlineData(0, new long[] { 1, 100, 200 })]
    [InlineData(99, new long[] { 100, 200 })]
    [InlineData(150, new long[] { 100, 200 })]
    [InlineData(199, new long[] { 200 })]
    [InlineData(500, new long[] { 200 })]
    public void The_segments_after_a_version_start_with_the_one_holding_the_next_version(long after, long[] expected)
    {
        PlanLogSegment[] segments = [new("a", 1, 10, 1), new("b", 100, 10, 1), new("c", 200, 10, 1)];

        Assert.Equal(expected, PlanLogSegments.After(segments, after).Select(s => s.FirstVersion));
    }

    [Fact]
    public void A_range_is_given_only_when_the_log_holds_every_version_of_it()
    {
        var records = Records(5, 12);

        Assert.Equal([7L, 8L, 9L], PlanLogSegments.Range(records, 6, 9)!.Select(r => r.Version));
        Assert.Null(PlanLogSegments.Range(records, 2, 9));               // starts before the oldest record
        Assert.Null(PlanLogSegments.Range(records, 6, 14));              // ends after the newest
        Assert.Null(PlanLogSegments.Range([.. records.Where(r => r.Version != 8)], 6, 9)); // a gap
        Assert.Empty(PlanLogSegments.Range(records, 9, 9)!);
    }
}
