using System.Text;
using Kaolack.Contracts.Text;

namespace Kaolack.Bench;

/// <summary>
/// A client's local copy of the document: char blocks of at most 1 K characters, so an insert moves at
/// most one block instead of copying the whole ~100 KB text (100 clients × 1000 ops/s would otherwise
/// spend the load process on memmove). Positions are UTF-16 units; the bench text is ASCII only, so
/// they equal the code points <see cref="TextOp"/> counts in.
/// </summary>
internal sealed class BlockText
{
    private const int MaxBlock = 1024;
    private const int Capacity = MaxBlock + 512;

    private readonly List<Block> blocks = [new Block(new char[Capacity], 0)];

    public int Length { get; private set; }

    public void Reset(string text)
    {
        blocks.Clear();
        AddChunks(blocks.Count, text.AsSpan());
        if (blocks.Count == 0)
        {
            blocks.Add(new Block(new char[Capacity], 0));
        }
        Length = text.Length;
    }

    public void Apply(TextOp op)
    {
        var position = 0;
        foreach (var c in op.Components)
        {
            switch (c.Kind)
            {
                case TextOpComponentKind.Retain:
                    position += c.Length;
                    break;
                case TextOpComponentKind.Insert:
                    Insert(position, c.Text!);
                    position += c.Text!.Length;
                    break;
                default:
                    Remove(position, c.Length);
                    break;
            }
            if (position > Length)
            {
                throw new InvalidOperationException($"Op {op} runs past the end of a {Length}-character text.");
            }
        }
    }

    public void Insert(int position, string text)
    {
        if (position < 0 || position > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"Text length is {Length}.");
        }
        var (index, offset) = Locate(position);
        var block = blocks[index];
        if (block.Length + text.Length <= block.Data.Length)
        {
            Array.Copy(block.Data, offset, block.Data, offset + text.Length, block.Length - offset);
            text.CopyTo(0, block.Data, offset, text.Length);
            block.Length += text.Length;
            if (block.Length > MaxBlock)
            {
                var half = block.Length / 2;
                blocks.Insert(index + 1, Chunk(block.Data.AsSpan(half, block.Length - half)));
                block.Length = half;
            }
        }
        else
        {
            // A long insert: rebuild this block's content as several blocks.
            var combined = new char[block.Length + text.Length];
            block.Data.AsSpan(0, offset).CopyTo(combined);
            text.CopyTo(combined.AsSpan(offset));
            block.Data.AsSpan(offset, block.Length - offset).CopyTo(combined.AsSpan(offset + text.Length));
            blocks.RemoveAt(index);
            AddChunks(index, combined);
        }
        Length += text.Length;
    }

    public void Remove(int position, int count)
    {
        if (position < 0 || count < 0 || position + count > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Cannot remove {count} at {position} from {Length} characters.");
        }
        while (count > 0)
        {
            var (index, offset) = Locate(position);
            var block = blocks[index];
            if (offset == block.Length)
            {
                (index, offset) = (index + 1, 0);
                block = blocks[index];
            }
            var take = Math.Min(count, block.Length - offset);
            Array.Copy(block.Data, offset + take, block.Data, offset, block.Length - offset - take);
            block.Length -= take;
            Length -= take;
            count -= take;
            if (block.Length == 0 && blocks.Count > 1)
            {
                blocks.RemoveAt(index);
            }
        }
    }

    public override string ToString()
    {
        var result = new StringBuilder(Length);
        foreach (var block in blocks)
        {
            result.Append(block.Data, 0, block.Length);
        }
        return result.ToString();
    }

    private static Block Chunk(ReadOnlySpan<char> content)
    {
        var data = new char[Math.Max(Capacity, content.Length)];
        content.CopyTo(data);
        return new Block(data, content.Length);
    }

    private void AddChunks(int at, ReadOnlySpan<char> content)
    {
        for (var i = 0; i < content.Length; i += MaxBlock / 2)
        {
            blocks.Insert(at++, Chunk(content.Slice(i, Math.Min(MaxBlock / 2, content.Length - i))));
        }
    }

    /// <summary>The block holding <paramref name="position"/> (the earlier one at a boundary) and the offset in it.</summary>
    private (int Index, int Offset) Locate(int position)
    {
        var start = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var length = blocks[i].Length;
            if (position <= start + length)
            {
                return (i, position - start);
            }
            start += length;
        }
        return (blocks.Count - 1, blocks[^1].Length);
    }

    private sealed class Block(char[] data, int length)
    {
        public char[] Data { get; } = data;

        public int Length { get; set; } = length;
    }
}
