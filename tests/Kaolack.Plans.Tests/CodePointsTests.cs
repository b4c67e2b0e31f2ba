using Kaolack.Contracts.Text;

namespace Kaolack.Plans.Tests;

public sealed class CodePointsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("😅", 1)]
    [InlineData("a😅b😅", 4)]
    [InlineData("e\u0301", 2)]
    [InlineData("👍🏽", 2)]
    [InlineData("👨‍👩‍👧", 5)]
    [InlineData("🇸🇳", 2)]
    [InlineData("سلام", 4)]
    public void Counts_code_points(string text, int expected) => Assert.Equal(expected, CodePoints.Count(text));

    // Facts, not theory data: xunit carries theory arguments as UTF-8, which replaces lone surrogates.
    [Fact]
    public void Counts_an_unpaired_surrogate_as_one_code_point()
    {
        Assert.Equal(1, CodePoints.Count("\uD83D"));
        Assert.Equal(2, CodePoints.Count("\uDE05\uD83D"));
        Assert.Equal(3, CodePoints.Count("a\uD83Db"));
    }

    [Fact]
    public void Converts_between_code_point_and_utf16_indexes()
    {
        const string Text = "a😅e\u0301🇸🇳";
        int[] utf16 = [0, 1, 3, 4, 5, 7, 9];
        for (var cp = 0; cp < utf16.Length; cp++)
        {
            Assert.Equal(utf16[cp], CodePoints.ToUtf16Index(Text, cp));
            Assert.Equal(cp, CodePoints.ToCodePointIndex(Text, utf16[cp]));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePoints.ToUtf16Index(Text, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePoints.ToUtf16Index(Text, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePoints.ToCodePointIndex(Text, 10));
        var split = Assert.Throws<ArgumentException>(() => CodePoints.ToCodePointIndex(Text, 2));
        Assert.Contains("splits a surrogate pair", split.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substring_counts_code_points()
    {
        Assert.Equal("😅e", CodePoints.Substring("a😅e\u0301", 1, 2));
        Assert.Equal("", CodePoints.Substring("a😅", 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePoints.Substring("a😅", 1, 2));
    }

    [Fact]
    public void Finds_unpaired_surrogates()
    {
        (string Text, int Expected)[] cases = [("", -1), ("a😅b", -1), ("a\uD83D", 1), ("a\uD83Db", 1), ("\uDE05a", 0), ("😅\uDE05", 2)];
        foreach (var (text, expected) in cases)
        {
            Assert.Equal(expected, CodePoints.IndexOfUnpairedSurrogate(text));
            Assert.Equal(expected < 0, CodePoints.IsWellFormed(text));
        }
    }
}
