using Kaolack.Contracts.Text;
using static Kaolack.Plans.Tests.TestOps;

namespace Kaolack.Plans.Tests;

/// <summary>Expected values are what ot-text-unicode 4.0.0 returns for the same calls.</summary>
public sealed class TransformTests
{
    [Theory]
    // Concurrent inserts at the same position: the left op's text goes first.
    [InlineData("""["a"]""", """["b"]""", """["a"]""", """[1,"a"]""")]
    [InlineData("""[1,"👻"]""", """[1,"🥰"]""", """[1,"👻"]""", """[2,"👻"]""")]
    [InlineData("""["👻"]""", """["🥰"]""", """["👻"]""", """[1,"👻"]""")]
    [InlineData("""[2,"سلام"]""", """[2,"e\u0301"]""", """[2,"سلام"]""", """[4,"سلام"]""")]
    // Overlapping deletes: what the other op already deleted is not deleted twice.
    [InlineData("""[1,{"d":3}]""", """[2,{"d":3}]""", """[1,{"d":1}]""", """[1,{"d":1}]""")]
    [InlineData("""[{"d":5}]""", """[{"d":5}]""", """[]""", """[]""")]
    // An insert inside a range the other op deletes survives at the start of that range.
    [InlineData("""[2,"x"]""", """[1,{"d":3}]""", """[1,"x"]""", """[1,"x"]""")]
    [InlineData("""[1,{"d":3}]""", """[2,"x"]""", """[1,{"d":1},1,{"d":2}]""", """[1,{"d":1},1,{"d":2}]""")]
    // A tie is only won by an insert that is the op's next component, not one after a delete.
    [InlineData("""[{"d":1},"x"]""", """["y"]""", """[1,{"d":1},"x"]""", """[1,{"d":1},"x"]""")]
    [InlineData("""["x",{"d":1}]""", """["y"]""", """["x",1,{"d":1}]""", """[1,"x",{"d":1}]""")]
    // Text deletes are cut where the other op's edits fall.
    [InlineData("""[{"d":"abcd"}]""", """[2,"X"]""", """[{"d":"ab"},1,{"d":"cd"}]""", """[{"d":"ab"},1,{"d":"cd"}]""")]
    [InlineData("""[{"d":"a👻cd"}]""", """[1,{"d":2}]""", """[{"d":"ad"}]""", """[{"d":"ad"}]""")]
    // No-ops.
    [InlineData("""[]""", """[3,"x"]""", """[]""", """[]""")]
    [InlineData("""[3,"x"]""", """[]""", """[3,"x"]""", """[3,"x"]""")]
    public void Transforms_like_the_package(string op, string other, string left, string right)
    {
        Assert.Equal(Op(left), TextOt.Transform(Op(op), Op(other), Side.Left));
        Assert.Equal(Op(right), TextOt.Transform(Op(op), Op(other), Side.Right));
    }

    [Theory]
    [InlineData("", """["a"]""", """["b"]""", "ab")]
    [InlineData("😅😅", """[1,"👍🏽"]""", """[1,{"d":1},"🇸🇳"]""", "😅👍🏽🇸🇳")]
    [InlineData("e\u0301t\u00E9", """[1,{"d":1},"\u00E9"]""", """[2,"!",{"d":2}]""", "e\u00E9!")]
    [InlineData("سلام عليكم", """[5,{"d":5},"يا"]""", """[4,{"d":6},"!"]""", "سلاميا!")]
    [InlineData("abcdef", """[1,{"d":4},"X"]""", """[2,{"d":"cd"},"Y",1,{"d":1}]""", "aYX")]
    public void Both_orders_converge(string document, string a, string b, string expected)
    {
        var (opA, opB) = (Op(a), Op(b));
        var viaA = TextOt.Apply(TextOt.Apply(document, opA), TextOt.Transform(opB, opA, Side.Right));
        var viaB = TextOt.Apply(TextOt.Apply(document, opB), TextOt.Transform(opA, opB, Side.Left));
        Assert.Equal(expected, viaA);
        Assert.Equal(expected, viaB);
    }

    [Fact]
    public void Merged_inserts_converge_where_the_package_given_unmerged_ones_would_not()
    {
        // ot-text-unicode: transform(["a","b"], ["X"], "left") = ["a",1,"b"] gives "aXb", while
        // transform(["X"], ["a","b"], "right") = [2,"X"] gives "abX". Reading merges to ["ab"].
        var a = Op("""["a","b"]""");
        var x = Op("""["X"]""");
        Assert.Equal(Op("""["ab"]"""), a);
        var viaA = TextOt.Apply(TextOt.Apply("", a), TextOt.Transform(x, a, Side.Right));
        var viaX = TextOt.Apply(TextOt.Apply("", x), TextOt.Transform(a, x, Side.Left));
        Assert.Equal("abX", viaA);
        Assert.Equal(viaA, viaX);
    }

    [Fact]
    public void A_server_sequencer_transforms_a_late_op_over_each_accepted_op_in_turn()
    {
        // The client made its op on version 0; two ops were accepted since. A late op is the Left one (ShareDB).
        const string V0 = "Plan: semer le mil 🌾";
        TextOp[] accepted = [Op("""[6,"vite, "]"""), Op("""[25,{"d":1},"🌱"]""")];
        var incoming = Op("""[15,{"d":3},"sorgho"]""");

        var document = accepted.Aggregate(V0, TextOt.Apply);
        var transformed = accepted.Aggregate(incoming, (op, done) => TextOt.Transform(op, done, Side.Left));

        Assert.Equal("Plan: vite, semer le sorgho 🌱", TextOt.Apply(document, transformed));
    }

    [Fact]
    public void Rejects_an_unknown_side() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TextOt.Transform(TextOp.Empty, TextOp.Empty, (Side)7));
}
