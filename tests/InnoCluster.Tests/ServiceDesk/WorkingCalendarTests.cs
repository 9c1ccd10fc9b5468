using InnoCluster.Features.ServiceDesk;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.ServiceDesk;

/// <summary>The working-day calendar read from the State Council's notices for 2025 and 2026, and deadlines counted on it.</summary>
public sealed class WorkingCalendarTests
{
    private static string Notice(int year) => File.ReadAllText(Path.Combine(TestPaths.Seed, "calendar", $"{year}.txt"));

    private static WorkingCalendar Calendar(params int[] years) => new(
        years.SelectMany(y => HolidayNoticeReader.Read(y, Notice(y))).ToDictionary(e => e.Date, e => e.Kind),
        years.ToHashSet());

    [Fact]
    public void Notice2025_EveryHolidayAndEveryWeekendWorked()
    {
        var days = HolidayNoticeReader.Read(2025, Notice(2025));
        // 元旦 1, 春节 8, 清明 3, 劳动节 5, 端午 3, 国庆·中秋 8.
        Assert.Equal(28, days.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal(
            [new(2025, 1, 26), new(2025, 2, 8), new(2025, 4, 27), new(2025, 9, 28), new DateOnly(2025, 10, 11)],
            days.Where(d => d.Kind == DayKind.WorkingDay).Select(d => d.Date).Order());
        var springFestival = days.Where(d => d.Name == "春节" && d.Kind == DayKind.Holiday).Select(d => d.Date).ToList();
        Assert.Equal((new DateOnly(2025, 1, 28), new DateOnly(2025, 2, 4), 8), (springFestival.Min(), springFestival.Max(), springFestival.Count));
        Assert.All(days, d => Assert.Contains($"{d.Date.Month}月", d.Quote, StringComparison.Ordinal));
        Assert.Equal("国庆节、中秋节", days.Single(d => d.Date == new DateOnly(2025, 10, 8)).Name);
    }

    [Fact]
    public void Notice2026_EveryHolidayAndEveryWeekendWorked()
    {
        var days = HolidayNoticeReader.Read(2026, Notice(2026));
        // 元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7.
        Assert.Equal(33, days.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal(
            [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new DateOnly(2026, 10, 10)],
            days.Where(d => d.Kind == DayKind.WorkingDay).Select(d => d.Date).Order());
        Assert.Equal("2月14日（周六）、2月28日（周六）上班。", days.Single(d => d.Date == new DateOnly(2026, 2, 28)).Quote);
    }

    [Fact]
    public void AMisreadDay_StopsWithTheSentence()
    {
        var wrongWeekday = Notice(2026).Replace("5月9日（周六）上班", "5月9日（周日）上班", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => HolidayNoticeReader.Read(2026, wrongWeekday));
        Assert.Contains("5月9日（周日）上班", error.Message, StringComparison.Ordinal);

        var wrongLength = Notice(2026).Replace("放假调休，共9天", "放假调休，共8天", StringComparison.Ordinal);
        Assert.Contains("共8天", Assert.Throws<InvalidDataException>(() => HolidayNoticeReader.Read(2026, wrongLength)).Message, StringComparison.Ordinal);
    }

    [Theory]
    // Friday before the 2026 Spring Festival: Saturday 2/14 is worked, 2/15–2/23 off, then Tuesday and Wednesday.
    [InlineData("2026-02-13T10:00:00+08:00", 3, "2026-02-25")]
    // Received on the working Saturday itself.
    [InlineData("2026-02-14T09:00:00+08:00", 1, "2026-02-24")]
    // 2025 National Day and Mid-Autumn: 10/1–10/8 off; Saturday 10/11 worked.
    [InlineData("2025-09-30T17:00:00+08:00", 1, "2025-10-09")]
    [InlineData("2025-09-30T17:00:00+08:00", 3, "2025-10-11")]
    // Late on a Friday evening in Beijing is still that Friday (16:30 UTC is 00:30 Saturday in Beijing).
    [InlineData("2026-03-06T15:30:00Z", 1, "2026-03-09")]
    [InlineData("2026-03-06T16:30:00Z", 1, "2026-03-09")]
    // 15 working days across the 2026 Labour Day break (5/1–5/5 off, Saturday 5/9 worked).
    [InlineData("2026-04-28T12:00:00+08:00", 15, "2026-05-21")]
    public void Deadlines_CountWorkingDays_AsTheNoticesSetThem(string received, int workingDays, string expected)
    {
        var due = Calendar(2025, 2026).DueAfter(DateTimeOffset.Parse(received, System.Globalization.CultureInfo.InvariantCulture), workingDays);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due.Day);
        Assert.False(due.Provisional);
        Assert.Equal(new DateTimeOffset(due.Day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), due.At); // the end of that day in Beijing
    }

    [Fact]
    public void AYearWithoutANotice_CountsWeekdays_AndSaysTheDateIsProvisional()
    {
        var calendar = Calendar(2025, 2026);
        Assert.False(calendar.Knows(2027));
        var due = calendar.DueAfter(new DateTimeOffset(2026, 12, 30, 10, 0, 0, TimeSpan.FromHours(8)), 3);
        Assert.Equal(new DateOnly(2027, 1, 4), due.Day); // 12/31, 1/1 (no notice yet: a weekday), then Monday
        Assert.True(due.Provisional);
        Assert.False(calendar.DueAfter(new DateTimeOffset(2026, 12, 21, 10, 0, 0, TimeSpan.FromHours(8)), 3).Provisional);
    }

    [Fact]
    public void WorkingDaysBetween_SkipsTheHolidaysAndCountsTheWorkedWeekend()
    {
        var calendar = Calendar(2026);
        var from = new DateTimeOffset(2026, 2, 13, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(2, calendar.WorkingDaysBetween(from, new DateTimeOffset(2026, 2, 24, 9, 0, 0, TimeSpan.FromHours(8)))); // 2/14 and 2/24
        Assert.Equal(0, calendar.WorkingDaysBetween(from, from.AddHours(5)));
    }

    [Fact]
    public void TheCalendarPage_ShowsTheDaysAsTheNoticeArrangesThem_OneRowASentence()
    {
        var days = HolidayNoticeReader.Read(2026, Notice(2026)).Select(e => new GetCalendar.Day(e.Date, e.Kind, e.Kind == DayKind.WorkingDay, e.Name, e.Quote, null, null, null)).ToList();
        days.Add(new GetCalendar.Day(new DateOnly(2026, 6, 22), DayKind.Holiday, false, "地方调整", null, "admin@example.gov.cn", DateTimeOffset.UnixEpoch, "市政府通知"));
        var rows = InnoCluster.Features.ServiceDesk.Pages.CalendarModel.Arrangements([.. days.OrderBy(d => d.Date)]);

        Assert.Equal(12, rows.Count); // 7 holidays, 4 sentences of weekends worked, 1 correction
        var spring = rows.Single(r => r.First.Name == "春节" && r.First.Kind == DayKind.Holiday);
        Assert.True(spring.IsRun);
        Assert.Equal((new DateOnly(2026, 2, 15), 9), (spring.First.Date, spring.Days.Count));
        var worked = rows.Single(r => r.First.Name == "春节" && r.First.Kind == DayKind.WorkingDay);
        Assert.False(worked.IsRun);
        Assert.Equal([new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 28)], worked.Days.Select(d => d.Date));
        Assert.Equal("市政府通知", rows.Single(r => r.First.Quote is null).First.Reason);
    }
}
