using Kaolack.Contracts.Text;
using static Kaolack.Contracts.Text.TextOpComponent;
using static Kaolack.Plans.Tests.TestOps;

namespace Kaolack.Plans.Tests;

public sealed class TextOpTests
{
    public static TheoryData<TextOpComponent[], string> InvalidOps => new()
    {
        { [Retain(0), Insert("x")], "Skip components must be >0" },
        { [Retain(-1), Insert("x")], "Skip components must be >0" },
        { [Insert("")], "Inserts cannot be empty" },
        { [Delete(0)], "Deletes must not be empty" },
        { [Delete(-2)], "Deletes must not be empty" },
        { [Delete("")], "Deletes must not be empty" },
        { [Retain(1), Retain(2), Insert("x")], "Adjacent skip components should be combined" },
        { [Retain(1)], "Op has a trailing skip" },
        { [Insert("a"), Retain(1)], "Op has a trailing skip" },
        { [Insert("a\uD83D")], "unpaired surrogate at UTF-16 index 1" },
        { [Insert("\uDE05b")], "unpaired surrogate at UTF-16 index 0" },
        { [Retain(2), Delete("\uD83D")], "unpaired surrogate" },
        { [default], "Component must be a skip, an insert or a delete" },
    };

    [Theory]
    [MemberData(nameof(InvalidOps))]
    public void Create_rejects_what_checkOp_rejects_with_a_clear_message(TextOpComponent[] components, string message)
    {
        var error = Assert.Throws<TextOpException>(() => TextOp.Create(components));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, TextOpValidation.Validate(components), StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_names_the_offending_component()
    {
        var error = TextOpValidation.Validate([Retain(2), Insert("ok"), Delete(0)]);
        Assert.Equal("Component 2 ({\"d\":0}): Deletes must not be empty", error);
    }

    [Fact]
    public void Create_accepts_adjacent_inserts_and_deletes_like_checkOp_and_merges_them()
    {
        Assert.Null(TextOpValidation.Validate([Insert("a"), Insert("b")]));
        Assert.Equal(Op("""["ab"]"""), TextOp.Create(Insert("a"), Insert("b")));
        Assert.Equal(Op("""[{"d":3}]"""), TextOp.Create(Delete(1), Delete(2)));
        Assert.Equal(Op("""[{"d":"x👻"}]"""), TextOp.Create(Delete("x"), Delete("👻")));
        // Mixing counted and text deletes loses the text, as the package's append does.
        Assert.Equal(Op("""[{"d":2}]"""), TextOp.Create(Delete("x"), Delete(1)));
    }

    [Fact]
    public void Create_keeps_the_order_of_an_insert_next_to_a_delete()
    {
        Assert.Equal("""["x",{"d":1}]""", TextOp.Create(Insert("x"), Delete(1)).ToString());
        Assert.Equal("""[{"d":1},"x"]""", TextOp.Create(Delete(1), Insert("x")).ToString());
    }

    [Fact]
    public void Normalize_drops_empty_components_and_trailing_skips_and_merges_runs()
    {
        // The package's own normalize tests.
        Assert.Equal(TextOp.Empty, TextOp.Normalize(Retain(0)));
        Assert.Equal(TextOp.Empty, TextOp.Normalize(Insert("")));
        Assert.Equal(TextOp.Empty, TextOp.Normalize(Delete(0)));
        Assert.Equal(Op("""[{"d":2}]"""), TextOp.Normalize(Delete(2)));
        Assert.Equal(TextOp.Empty, TextOp.Normalize(Retain(1), Retain(1)));
        Assert.Equal(TextOp.Empty, TextOp.Normalize(Retain(2), Retain(0)));
        Assert.Equal(Op("""[2,"hi"]"""), TextOp.Normalize(Retain(1), Retain(1), Insert("hi")));
        Assert.Equal(Op("""[{"d":2},"hi"]"""), TextOp.Normalize(Delete(1), Delete(1), Insert("hi")));
        Assert.Equal(Op("""["a"]"""), TextOp.Normalize(Insert("a"), Retain(100)));
        Assert.Equal(Op("""["ab"]"""), TextOp.Normalize(Insert("a"), Insert("b")));
        Assert.Equal(Op("""["ab"]"""), TextOp.Normalize(Retain(0), Insert("a"), Retain(0), Insert("b"), Retain(0)));
        Assert.Equal(Op("""["a",1,"b"]"""), TextOp.Normalize(Insert("a"), Retain(1), Insert("b")));
        Assert.Equal(Op("""[2,"ab",{"d":"xy"}]"""), TextOp.Normalize(Retain(1), Retain(1), Insert("a"), Insert("b"), Delete("x"), Delete("y"), Retain(0), Insert("")));
    }

    [Fact]
    public void Normalize_still_rejects_negative_counts_and_broken_strings()
    {
        Assert.Throws<TextOpException>(() => TextOp.Normalize(Retain(-1), Insert("x")));
        Assert.Throws<TextOpException>(() => TextOp.Normalize(Delete(-1)));
        Assert.Throws<TextOpException>(() => TextOp.Normalize(Insert("\uD800")));
        Assert.Throws<TextOpException>(() => TextOp.Normalize(default(TextOpComponent)));
    }

    [Fact]
    public void Helpers_build_the_same_ops_as_the_package_insert_and_remove()
    {
        Assert.Equal(Op("""["x"]"""), TextOp.InsertAt(0, "x"));
        Assert.Equal(Op("""[3,"x"]"""), TextOp.InsertAt(3, "x"));
        Assert.Equal(TextOp.Empty, TextOp.InsertAt(2, ""));
        Assert.Equal(Op("""[{"d":2}]"""), TextOp.DeleteAt(0, 2));
        Assert.Equal(Op("""[2,{"d":"ab"}]"""), TextOp.DeleteAt(2, "ab"));
        Assert.Equal(TextOp.Empty, TextOp.DeleteAt(4, 0));
    }

    [Fact]
    public void Insert_and_delete_lengths_count_code_points()
    {
        Assert.Equal(1, Insert("😅").Length);
        Assert.Equal(2, Insert("e\u0301").Length);
        Assert.Equal(4, Insert("سلام").Length);
        Assert.Equal(3, Delete("👨‍👩").Length);
    }

    [Fact]
    public void Lengths_summarise_what_the_op_needs_and_does()
    {
        var op = Op("""[2,"😅x",3,{"d":4},"y"]""");
        Assert.Equal(9, op.InputLength);
        Assert.Equal(-1, op.LengthChange);
        Assert.Equal(0, TextOp.Empty.InputLength);
        Assert.True(TextOp.Empty.IsNoop);
    }

    [Fact]
    public void Ops_compare_by_value()
    {
        Assert.Equal(Op("""[1,"a",{"d":2}]"""), TextOp.Create(Retain(1), Insert("a"), Delete(2)));
        Assert.Equal(Op("""[1,"a"]""").GetHashCode(), TextOp.Create(Retain(1), Insert("a")).GetHashCode());
        Assert.NotEqual(Op("""[{"d":1}]"""), Op("""[{"d":"a"}]"""));
        Assert.True(Op("[]") == TextOp.Empty);
        Assert.True(Op("""["a"]""") != Op("""["b"]"""));
    }
}
