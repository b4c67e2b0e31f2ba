namespace Kaolack.Contracts.Workshops;

public enum SummaryFormat
{
    Markdown,
    Csv,
}
