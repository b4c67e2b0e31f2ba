using Kaolack.Contracts.Text;
using static Kaolack.Plans.Tests.TestOps;

namespace Kaolack.Plans.Tests;

/// <summary>Expected values are what ot-text-unicode 4.0.0 returns for the same calls.</summary>
public sealed class ComposeTests
{
    [Theory]
    [InlineData("""["👻"]""", """[1,"🥰"]""", """["👻🥰"]""")]
    [InlineData("""[1,"a👻b"]""", """[2,{"d":1}]""", """[1,"ab"]""")]
    [InlineData("""[1,"a👻b"]""", """[3,{"d":1}]""", """[1,"a👻"]""")]
    [InlineData("""["👻🥰💃"]""", """[1,{"d":1}]""", """["👻💃"]""")]
    [InlineData("""[2,"hi there"]""", """[2,{"d":"hi there"}]""", """[]""")]
    [InlineData("""["abc"]""", """[1,{"d":"b"}]""", """["ac"]""")]
    // Order of an insert next to a delete follows which op did what.
    [InlineData("""[{"d":1}]""", """["x"]""", """["x",{"d":1}]""")]
    [InlineData("""["x"]""", """[1,{"d":1}]""", """["x",{"d":1}]""")]
    [InlineData("""[3,"xy"]""", """[2,{"d":"c"}]""", """[2,{"d":"c"},"xy"]""")]
    // Deleted text is stitched together around the first op's edits.
    [InlineData("""[2,{"d":"cd"}]""", """[1,{"d":"b👻"}]""", """[1,{"d":"bcd👻"}]""")]
    [InlineData("""[{"d":"ab"}]""", """[{"d":2}]""", """[{"d":4}]""")]
    [InlineData("""[{"d":2}]""", """[{"d":"cd"}]""", """[{"d":4}]""")]
    [InlineData("""[{"d":"ab"}]""", """[{"d":"cd"}]""", """[{"d":"abcd"}]""")]
    [InlineData("""[1,"e\u0301"]""", """[2,{"d":1}]""", """[1,"e"]""")]
    [InlineData("""[]""", """[2,"x"]""", """[2,"x"]""")]
    [InlineData("""[2,"x"]""", """[]""", """[2,"x"]""")]
    public void Composes_like_the_package(string first, string second, string expected) =>
        Assert.Equal(Op(expected), TextOt.Compose(Op(first), Op(second)));

    [Theory]
    [InlineData("Jokko", """[5," 🤝 Kaolack"]""", """[{"d":"Jokko"},"Coopérative",8,{"d":2}]""")]
    [InlineData("سلام", """["أهلا ",1,{"d":1}]""", """[6,"ّ",{"d":2}]""")]
    public void Applying_a_composition_equals_applying_both(string document, string a, string b)
    {
        var (opA, opB) = (Op(a), Op(b));
        Assert.Equal(TextOt.Apply(TextOt.Apply(document, opA), opB), TextOt.Apply(document, TextOt.Compose(opA, opB)));
    }
}
