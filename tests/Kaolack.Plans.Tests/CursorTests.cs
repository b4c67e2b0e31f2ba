using Kaolack.Contracts.Text;
using static Kaolack.Plans.Tests.TestOps;

namespace Kaolack.Plans.Tests;

/// <summary>The package's transformPosition tests (from libot), plus code point and own-op cases.</summary>
public sealed class CursorTests
{
    // On "abcdefghijklmnopqrstuvwxyz1234abcdefghijklmnopqrstuvwxyz1234".
    private static readonly TextOp Insertion = Op("""[10,"oh hi"]""");
    private static readonly TextOp Deletion = Op("""[25,{"d":20}]""");
    private static readonly TextOp Both = Op("""[10,"oh hi",10,{"d":20}]""");

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, 85)]
    [InlineData(11, 16)]
    [InlineData(20, 25)]
    [InlineData(30, 25)]
    [InlineData(40, 25)]
    [InlineData(41, 26)]
    public void Follows_a_complex_op(int cursor, int expected) => Assert.Equal(expected, TextOt.TransformCursor(cursor, Both));

    [Fact]
    public void An_insert_exactly_at_the_cursor_goes_after_it()
    {
        Assert.Equal(10, TextOt.TransformCursor(10, Insertion));
        Assert.Equal(10, TextOt.TransformCursor(10, Both));
        Assert.Equal(0, TextOt.TransformCursor(0, Op("""["x"]""")));
        Assert.Equal(16, TextOt.TransformCursor(11, Insertion));
    }

    [Theory]
    [InlineData(25, 25)]
    [InlineData(35, 25)]
    [InlineData(45, 25)]
    [InlineData(10, 10)]
    [InlineData(55, 35)]
    public void A_cursor_in_a_deleted_range_moves_to_its_start(int cursor, int expected) =>
        Assert.Equal(expected, TextOt.TransformCursor(cursor, Deletion));

    [Fact]
    public void Counts_code_points()
    {
        Assert.Equal(4, TextOt.TransformCursor(1, Op("""["👻🥰💃"]""")));
        Assert.Equal(1, TextOt.TransformCursor(1, Op("""[2,"👻🥰💃"]""")));
        Assert.Equal(2, TextOt.TransformCursor(3, Op("""[1,{"d":"👻"}]""")));
        Assert.Equal(5, TextOt.TransformCursor(3, Op("""[1,"e\u0301"]""")));
    }

    [Fact]
    public void A_cursor_past_the_end_follows_the_document_length_change() =>
        Assert.Equal(9, TextOt.TransformCursor(7, Op("""[2,"abc",1,{"d":1}]""")));

    [Fact]
    public void The_authors_own_cursor_moves_to_the_end_of_the_op()
    {
        Assert.Equal(8, TextOt.TransformCursor(5, Op("""[5,"abc"]"""), isOwnOp: true));
        Assert.Equal(3, TextOt.TransformCursor(5, Op("""[3,{"d":2}]"""), isOwnOp: true));
        Assert.Equal(6, TextOt.TransformCursor(3, Op("""[3,{"d":2},"😅🇸🇳"]"""), isOwnOp: true));
        Assert.Equal(7, TextOt.TransformCursor(7, TextOp.Empty, isOwnOp: true));
    }

    [Fact]
    public void Selections_move_both_ends()
    {
        Assert.Equal((16, 25), TextOt.TransformSelection(11, 40, Both));
        Assert.Equal((25, 10), TextOt.TransformSelection(30, 10, Both));
    }

    [Fact]
    public void Refuses_a_negative_cursor() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TextOt.TransformCursor(-1, Both));
}
