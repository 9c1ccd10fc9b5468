using System.Security.Claims;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// An administrator corrects a day (a notice published after the seed, a local adjustment): its kind, its
/// name and why. The notice's sentence is dropped from the day — the day is now the administrator's word —
/// and the change is in the audit trail.
/// </summary>
public sealed class EditCalendarDay(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record Request(DayKind Kind, string? Name, string? Reason);

    public async Task<Result<GetCalendar.Day>> RunAsync(DateOnly date, Request request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Problem.Invalid("reason", "请说明修改的原因和依据 / give the reason and its source");
        }

        if (request.Kind != DayKind.Normal && string.IsNullOrWhiteSpace(request.Name))
        {
            return Problem.Invalid("name", "请填写节日或调休的名称 / name the holiday");
        }

        if (request.Kind == DayKind.WorkingDay && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            return Problem.Invalid("kind", $"{date:yyyy-MM-dd} 是工作日，无需调休上班 / {date:yyyy-MM-dd} is a weekday already");
        }

        var day = await db.Set<CalendarDay>().SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (day is null)
        {
            day = new CalendarDay { Date = date };
            db.Add(day);
        }

        day.Kind = request.Kind;
        day.Name = request.Name?.Trim() ?? "";
        day.Quote = null;
        day.Reason = request.Reason.Trim();
        day.EditedBy = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "admin";
        day.EditedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var working = new WorkingCalendar(new Dictionary<DateOnly, DayKind> { [date] = day.Kind }, new HashSet<int>()).IsWorkingDay(date);
        return new GetCalendar.Day(day.Date, day.Kind, working, day.Name, day.Quote, day.EditedBy, day.EditedAt, day.Reason);
    }
}
