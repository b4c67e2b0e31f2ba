using Kaolack.Contracts.Text;

namespace Kaolack.Plans.Tests;

/// <summary>Ops written in the wire format, as the package's own tests and browser clients write them.</summary>
internal static class TestOps
{
    public static TextOp Op(string json) => TextOp.Parse(json);
}
