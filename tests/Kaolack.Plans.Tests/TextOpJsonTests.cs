using System.Text.Json;
using Kaolack.Contracts.Text;
using static Kaolack.Contracts.Text.TextOpComponent;
using static Kaolack.Plans.Tests.TestOps;

namespace Kaolack.Plans.Tests;

public sealed class TextOpJsonTests
{
    [Fact]
    public void Reads_the_package_wire_format()
    {
        var op = JsonSerializer.Deserialize<TextOp>("""[3, "hi", {"d": 2}, 1, {"d": "👻é"}]""");
        Assert.Equal(TextOp.Create(Retain(3), Insert("hi"), Delete(2), Retain(1), Delete("👻é")), op);
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""[3,"hi",{"d":2}]""")]
    [InlineData("""[{"d":"سلام"},"e\u0301😅",2,{"d":1}]""")]
    [InlineData("""["quote \" backslash \\ newline \n tab \t"]""")]
    public void Round_trips_through_System_Text_Json(string json)
    {
        var op = JsonSerializer.Deserialize<TextOp>(json)!;
        var written = JsonSerializer.Serialize(op);
        Assert.Equal(op, JsonSerializer.Deserialize<TextOp>(written));
        // Same JSON value whatever escaping either side chose.
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(written).RootElement), written);
    }

    [Fact]
    public void Works_as_a_property_of_a_message()
    {
        var message = new Submit(7, Op("""[1,"🇸🇳"]"""));
        var json = JsonSerializer.Serialize(message);
        Assert.Equal("""{"BaseVersion":7,"Op":[1,"\uD83C\uDDF8\uD83C\uDDF3"]}""", json);
        Assert.Equal(message, JsonSerializer.Deserialize<Submit>(json));
    }

    [Fact]
    public void Reading_merges_adjacent_inserts_and_deletes()
    {
        Assert.Equal("""["ab",{"d":3}]""", Op("""["a","b",{"d":1},{"d":2}]""").ToString());
    }

    [Theory]
    [InlineData("""{"d":1}""", "must be a JSON array")]
    [InlineData("""[0,"x"]""", "Skip components must be >0")]
    [InlineData("""[1,2,"x"]""", "Adjacent skip components should be combined")]
    [InlineData("""["x",3]""", "Op has a trailing skip")]
    [InlineData("""[""]""", "Inserts cannot be empty")]
    [InlineData("""[{"d":0}]""", "Deletes must not be empty")]
    [InlineData("""[{"d":""}]""", "Deletes must not be empty")]
    [InlineData("""[{}]""", "Delete must be number or string")]
    [InlineData("""[{"d":null}]""", "Delete must be number or string")]
    [InlineData("""[{"d":1,"x":2}]""", "exactly one property")]
    [InlineData("""[{"i":"x"}]""", "exactly one property")]
    [InlineData("""[1.5,"x"]""", "must be an integer")]
    [InlineData("""[99999999999,"x"]""", "must be an integer")]
    [InlineData("""[true]""", "not True")]
    [InlineData("""[null]""", "not Null")]
    [InlineData("""[["x"]]""", "not StartArray")]
    [InlineData("""["\uD83D"]""", "Component 0")]
    [InlineData("""["a\uDE05b"]""", "Component 0")]
    public void Rejects_invalid_ops_with_a_JsonException_saying_why(string json, string message)
    {
        var error = Assert.ThrowsAny<JsonException>(() => TextOp.Parse(json));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_stays_null()
    {
        Assert.Null(JsonSerializer.Deserialize<TextOp>("null"));
        Assert.Throws<JsonException>(() => TextOp.Parse("null"));
    }

    private sealed record Submit(long BaseVersion, TextOp Op);
}
