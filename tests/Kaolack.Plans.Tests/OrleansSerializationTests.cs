using Kaolack.Contracts.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static Kaolack.Plans.Tests.TestOps;

namespace Kaolack.Plans.Tests;

/// <summary>Ops and their errors must cross grain calls unchanged.</summary>
public sealed class OrleansSerializationTests
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(TextOp).Assembly))
        .BuildServiceProvider();

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""[3,"hi 😅",{"d":2},1,{"d":"سلام"}]""")]
    public void Ops_round_trip(string json)
    {
        var serializer = Services.GetRequiredService<Serializer>();
        var op = Op(json);
        var copy = serializer.Deserialize<TextOp>(serializer.SerializeToArray(op));
        Assert.NotNull(copy);
        Assert.Equal(op, copy);
        Assert.Equal(op.ToString(), copy.ToString());
        Assert.Equal(op.InputLength, copy.InputLength);
    }

    [Fact]
    public void Errors_round_trip()
    {
        var serializer = Services.GetRequiredService<Serializer>();
        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new TextOpException("too long")));
        Assert.IsType<TextOpException>(copy);
        Assert.Equal("too long", copy.Message);
    }
}
