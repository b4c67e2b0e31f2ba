namespace Kaolack.Grains.Dashboard;

/// <summary>Configuration section "Kaolack:Dashboard".</summary>
public sealed class DashboardOptions
{
    public const string Section = "Kaolack:Dashboard";

    /// <summary>Least time between two live pushes of one dashboard topic (4 per second by default).</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Days kept in the programme's progress series.</summary>
    public int SeriesDays { get; set; } = 366;
}
