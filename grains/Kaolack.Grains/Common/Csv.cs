using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kaolack.Grains.Common;

/// <summary>
/// The one CSV dialect of every export (dashboard tables, workshop summaries), written for the spreadsheets people open
/// them in: UTF-8 with a byte order mark (accents), ";" between fields (what a French spreadsheet expects, where "," is
/// the decimal separator), CRLF between records, fields quoted when they hold ";", a quote or a line break (RFC 4180
/// otherwise). A text cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return)
/// gets a leading apostrophe, so it shows as typed; plain numbers are left as numbers.
/// </summary>
public static partial class Csv
{
    public const char Separator = ';';

    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The records as text, without the byte order mark.</summary>
    public static string Format(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(Separator, row.Select(Field)).Append("\r\n");
        }
        return text.ToString();
    }

    /// <summary>The file's bytes: UTF-8 with a byte order mark, so spreadsheets read accents ("Coopérative") right.</summary>
    public static byte[] Encode(IEnumerable<IReadOnlyList<string>> rows) => WithBom(Format(rows));

    /// <summary>CSV text (<see cref="Format"/>) as the file's bytes.</summary>
    public static byte[] WithBom(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>A number as the reader's spreadsheet reads it: "1250000,5" in French, "1250000.5" in English; no grouping.</summary>
    public static string Number(decimal value, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return value.ToString("0.##", culture);
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One cell: defused when a spreadsheet would run it, quoted when it holds a separator, a quote or a line break.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value) ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    [GeneratedRegex(@"^-?\d+([.,]\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
