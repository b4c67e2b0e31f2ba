namespace Kaolack.Client.Tests;

public sealed class FractionalIndexTests
{
    [Fact]
    public void Keys_between_any_two_sort_strictly_between_them_and_stay_valid()
    {
        var random = new Random(7);
        var keys = new List<string> { FractionalIndex.Between(null, null) };
        for (var i = 0; i < 2000; i++)
        {
            var at = random.Next(keys.Count + 1);
            var before = at > 0 ? keys[at - 1] : null;
            var after = at < keys.Count ? keys[at] : null;
            var key = FractionalIndex.Between(before, after);
            Assert.True(before is null || string.CompareOrdinal(before, key) < 0, $"{before} < {key}");
            Assert.True(after is null || string.CompareOrdinal(key, after) < 0, $"{key} < {after}");
            Assert.True(key.All(char.IsAsciiLetterOrDigit) && key[^1] != '0', key);
            keys.Insert(at, key);
        }
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void Appending_or_prepending_repeatedly_keeps_keys_short()
    {
        string? last = null;
        string? first = null;
        for (var i = 0; i < 500; i++)
        {
            last = FractionalIndex.Between(last, null);
            first = FractionalIndex.Between(null, first);
        }
        Assert.True(last!.Length <= 20, last);
        Assert.True(first!.Length <= 64, first);
    }

    [Fact]
    public void Bounds_out_of_order_or_not_keys_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FractionalIndex.Between("b", "a"));
        Assert.Throws<ArgumentException>(() => FractionalIndex.Between("a", "a"));
        Assert.Throws<ArgumentException>(() => FractionalIndex.Between("a0", null));
        Assert.Throws<ArgumentException>(() => FractionalIndex.Between("a-b", null));
    }
}
