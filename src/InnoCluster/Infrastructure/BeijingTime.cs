namespace InnoCluster.Infrastructure;

/// <summary>
/// The office's clock: Beijing time (Asia/Shanghai). Deadlines, working days, the day a record counts from
/// and the daily schedules are read here, so every feature agrees on what "today" is.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The moment as a Beijing wall-clock time.</summary>
    public static DateTimeOffset Of(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The Beijing calendar day the moment falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Of(at).DateTime);

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    /// <summary>A wall-clock time read in Beijing, as an instant.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
