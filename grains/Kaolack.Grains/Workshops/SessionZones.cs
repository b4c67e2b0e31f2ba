namespace Kaolack.Grains.Workshops;

/// <summary>
/// The two time zones sessions are held in: Dakar (UTC+0 all year) and Oujda (Morocco: UTC+1, UTC+0 during Ramadan),
/// from the system's time zone data. A machine without it falls back to the usual offsets, which only misses Ramadan.
/// </summary>
public static class SessionZones
{
    public static TimeZoneInfo Dakar { get; } = Find("Africa/Dakar", TimeSpan.Zero);

    public static TimeZoneInfo Oujda { get; } = Find("Africa/Casablanca", TimeSpan.FromHours(1));

    private static TimeZoneInfo Find(string id, TimeSpan usualOffset)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, usualOffset, id, id);
        }
    }
}
