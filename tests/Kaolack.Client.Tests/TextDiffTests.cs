using Kaolack.Contracts.Text;

namespace Kaolack.Client.Tests;

public sealed class TextDiffTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("abc", "abc")]
    [InlineData("", "سلام")]
    [InlineData("abc", "")]
    [InlineData("abc", "aXc")]
    [InlineData("a😀c", "a😃c")]
    [InlineData("😀", "😃")]
    [InlineData("x👍🏽y", "x👍🏿y")]
    [InlineData("مرحبا بكم", "مرحبا بكم جميعا")]
    public void The_diff_turns_one_text_into_the_other(string before, string after)
    {
        var op = TextDiff.Between(before, after);
        Assert.Equal(after, TextOt.Apply(before, op));
    }

    [Fact]
    public void Random_texts_with_surrogate_pairs_diff_correctly()
    {
        var random = new Random(11);
        string[] pieces = ["a", "b", "😀", "😃", "🇸🇳", "س", "é", " "];
        string Make() => string.Concat(Enumerable.Range(0, random.Next(8)).Select(_ => pieces[random.Next(pieces.Length)]));
        for (var i = 0; i < 2000; i++)
        {
            var before = Make();
            var after = Make();
            Assert.Equal(after, TextOt.Apply(before, TextDiff.Between(before, after)));
        }
    }
}
