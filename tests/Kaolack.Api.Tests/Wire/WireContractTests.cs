namespace Kaolack.Api.Tests.Wire;

/// <summary>
/// The web client's wire contract is what the C# contracts generate: a member, type, enum value, limit or error code
/// changed in C# fails here until web/src/wire/contract.ts is regenerated (scripts/wire-contract.sh), after which the
/// web build's type check shows every place in the client that must follow.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WireContractTests(ApiFixture app)
{
    /// <summary>Set to 1 (scripts/wire-contract.sh does) to rewrite the committed file instead of comparing.</summary>
    private const string UpdateVariable = "KAOLACK_UPDATE_WIRE_CONTRACT";

    [Fact]
    public void The_web_contract_is_what_the_CSharp_contracts_generate()
    {
        var generated = WireContract.Generate(app.Host.Services);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(WireContract.FilePath, generated);
        }

        var committed = File.Exists(WireContract.FilePath) ? File.ReadAllText(WireContract.FilePath) : "";

        Assert.True(committed == generated, $"{WireContract.FilePath} is not what the C# contracts generate ({FirstDifference(committed, generated)}): run scripts/wire-contract.sh, then make the web client follow.");
    }

    private static string FirstDifference(string committed, string generated)
    {
        var left = committed.Split('\n');
        var right = generated.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var was = i < left.Length ? left[i] : "(end of file)";
            var now = i < right.Length ? right[i] : "(end of file)";
            if (was != now)
            {
                return $"line {i + 1}: committed \"{was.Trim()}\", generated \"{now.Trim()}\"";
            }
        }
        return "same lines";
    }
}
