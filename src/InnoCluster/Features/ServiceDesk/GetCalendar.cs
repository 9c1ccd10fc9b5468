using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>A year's calendar: the notice it comes from (or none yet), and each day that differs from its weekday.</summary>
public sealed class GetCalendar(InnoClusterDbContext db)
{
    public sealed record Notice(string Title, string Issuer, DateOnly IssuedOn, string Url, string Published);

    public sealed record Day(DateOnly Date, DayKind Kind, bool Working, string Name, string? Quote, string? EditedBy, DateTimeOffset? EditedAt, string? Reason);

    public sealed record Year(int Number, bool Known, Notice? Notice, IReadOnlyList<Day> Days);

    public async Task<Year> RunAsync(int year, CancellationToken cancellationToken)
    {
        var notice = await db.Set<HolidayNotice>().AsNoTracking().Where(n => n.Year == year)
            .Select(n => new Notice(n.Title, n.Issuer, n.IssuedOn, n.Url, n.Published)).SingleOrDefaultAsync(cancellationToken);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        var calendar = new WorkingCalendar(days.ToDictionary(d => d.Date, d => d.Kind), notice is null ? new HashSet<int>() : [year]);
        return new Year(year, notice is not null, notice,
            [.. days.Select(d => new Day(d.Date, d.Kind, calendar.IsWorkingDay(d.Date), d.Name, d.Quote, d.EditedBy, d.EditedAt, d.Reason))]);
    }
}
