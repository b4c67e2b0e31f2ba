using Kaolack.Contracts.Text;
using static Kaolack.Plans.Tests.TestOps;

namespace Kaolack.Plans.Tests;

public sealed class ApplyTests
{
    [Theory]
    [InlineData("hi there", """[3,{"d":5},"🤖👻💃"]""", "hi 🤖👻💃")]
    [InlineData("hi 👋 there", """[3,{"d":1},"🌍"]""", "hi 🌍 there")]
    [InlineData("😅😅😅", """[1,{"d":1},"x"]""", "😅x😅")]
    [InlineData("👨‍👩‍👧", """[1,{"d":1}]""", "👨👩‍👧")]
    [InlineData("🇸🇳", """[1,"|"]""", "🇸|🇳")]
    [InlineData("e\u0301te\u0301", """[1,{"d":1},2,"!"]""", "ete!\u0301")]
    [InlineData("e\u0301", """[1,"x"]""", "ex\u0301")]
    [InlineData("سلام عليكم", """[4," يا صديقي"]""", "سلام يا صديقي عليكم")]
    [InlineData("بَيت", """[1,{"d":1}]""", "بيت")]
    [InlineData("Coopérative", """[4,{"d":"é"},"e\u0301"]""", "Coope\u0301rative")]
    [InlineData("", """["😅"]""", "😅")]
    [InlineData("", """[]""", "")]
    [InlineData("abc", """[]""", "abc")]
    [InlineData("abc", """[3,"d"]""", "abcd")]
    [InlineData("abc", """[{"d":3}]""", "")]
    [InlineData("abc", """["x",{"d":1},1,"y"]""", "xbyc")]
    public void Applies_ops_counting_code_points(string document, string op, string expected) =>
        Assert.Equal(expected, TextOt.Apply(document, Op(op)));

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        var result = TextOt.Apply("a😅b", Op("""[2,"x"]"""));
        Assert.Equal("a😅xb", result);
        Assert.True(CodePoints.IsWellFormed(result));
    }

    [Fact]
    public void Does_not_check_the_text_of_a_text_delete_like_the_package() =>
        Assert.Equal("a", TextOt.Apply("abc", Op("""[1,{"d":"zz"}]""")));

    [Theory]
    [InlineData("abc", """[4,"x"]""", "retains")]
    [InlineData("😅😅", """[3,"x"]""", "retains")]
    [InlineData("", """[1,"x"]""", "retains")]
    [InlineData("abc", """[2147483647,"x"]""", "retains")]
    [InlineData("abc", """[2147483647,{"d":2147483647}]""", "retains")]
    [InlineData("abc", """[{"d":4}]""", "deletes")]
    [InlineData("abc", """[2,{"d":"xyz"}]""", "deletes")]
    [InlineData("😅", """[{"d":2}]""", "deletes")]
    public void Refuses_an_op_longer_than_the_document(string document, string op, string verb)
    {
        var error = Assert.Throws<TextOpException>(() => TextOt.Apply(document, Op(op)));
        Assert.Contains($"The op is too long for this document: it {verb}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"the document has {CodePoints.Count(document)} code points", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_to_walk_over_an_unpaired_surrogate_in_the_document()
    {
        var error = Assert.Throws<TextOpException>(() => TextOt.Apply("a\uD83Db", Op("""[3,"x"]""")));
        Assert.Contains("unpaired surrogate at UTF-16 index 1", error.Message, StringComparison.Ordinal);
    }
}
