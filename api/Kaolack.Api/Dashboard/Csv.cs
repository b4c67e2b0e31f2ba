using System.Text;

namespace Kaolack.Api.Dashboard;

/// <summary>RFC 4180 text: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break.</summary>
public static class Csv
{
    /// <summary>UTF-8 with a byte order mark, so spreadsheets show accents ("Coopérative") correctly.</summary>
    public static byte[] Encode(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
