using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>The working calendar as the database holds it now (a few dozen rows a year: read whole).</summary>
public sealed class CalendarStore(InnoClusterDbContext db)
{
    public async Task<WorkingCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        var days = await db.Set<CalendarDay>().AsNoTracking().ToDictionaryAsync(d => d.Date, d => d.Kind, cancellationToken);
        var years = await db.Set<HolidayNotice>().AsNoTracking().Select(n => n.Year).ToListAsync(cancellationToken);
        return new WorkingCalendar(days, years.ToHashSet());
    }
}
