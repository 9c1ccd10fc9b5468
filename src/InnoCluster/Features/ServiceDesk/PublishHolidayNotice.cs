using System.Security.Claims;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// A system administrator enters the State Council's notice for a year when it comes out (each November):
/// its text as published and where. The notice is read day by day as the seed's notices are (each date
/// checked against the weekday printed beside it, each range against its length); a misread is refused with
/// its sentence and nothing is stored. The year's days from the notice replace any earlier ones, days an
/// administrator corrected are kept, and open requests whose deadlines were counted through that year as plain
/// weekdays are counted again — all in one transaction, in the audit trail.
/// </summary>
public sealed class PublishHolidayNotice(InnoClusterDbContext db, CalendarStore calendars, TimeProvider clock)
{
    public sealed record Request(int? Year, string? Title, string? Issuer, DateOnly? IssuedOn, string? Url, string? Published, string? Text);

    public sealed record Outcome(int Year, int Holidays, int WorkingDays, int CorrectionsKept, int RequestsRecounted);

    public async Task<Result<Outcome>> RunAsync(Request request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = Check(request, WorkingCalendar.BeijingDay(now));
        IReadOnlyList<CalendarEntry> entries = [];
        if (errors.Count == 0)
        {
            try
            {
                entries = HolidayNoticeReader.Read(request.Year!.Value, request.Text!);
            }
            catch (InvalidDataException misread)
            {
                errors.Add(new("text", $"通知未能逐日读通，未保存：{misread.Message} / the notice could not be read day by day, nothing was stored: {misread.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        var notice = new HolidayNotice
        {
            Year = request.Year!.Value, Title = request.Title!.Trim(), Issuer = request.Issuer!.Trim(), IssuedOn = request.IssuedOn!.Value,
            Url = request.Url!.Trim(), Published = request.Published?.Trim() ?? "", Text = request.Text!,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var kept = await ReplaceYearAsync(db, notice, entries, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var recounted = await RecountOpenRequestsAsync(db, await calendars.LoadAsync(cancellationToken), notice.Title, AppealActor.Of(user, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(notice.Year, entries.Count(e => e.Kind == DayKind.Holiday), entries.Count(e => e.Kind == DayKind.WorkingDay), kept, recounted);
    }

    /// <summary>
    /// Stores a year's notice and the days it sets in place of the year's earlier notice days; an administrator's
    /// corrections stay (the seed's notices come this way too). Returns how many corrections were kept.
    /// </summary>
    public static async Task<int> ReplaceYearAsync(InnoClusterDbContext db, HolidayNotice notice, IReadOnlyList<CalendarEntry> entries, CancellationToken cancellationToken)
    {
        var stored = await db.Set<HolidayNotice>().SingleOrDefaultAsync(n => n.Year == notice.Year, cancellationToken);
        if (stored is null)
        {
            stored = new HolidayNotice { Year = notice.Year };
            db.Add(stored);
        }

        (stored.Title, stored.Issuer, stored.IssuedOn, stored.Url, stored.Published, stored.Text) = (notice.Title, notice.Issuer, notice.IssuedOn, notice.Url, notice.Published, notice.Text);
        var (first, last) = (new DateOnly(notice.Year, 1, 1), new DateOnly(notice.Year, 12, 31));
        var days = await db.Set<CalendarDay>().Where(d => d.NoticeYear == notice.Year || (d.Date >= first && d.Date <= last)).ToListAsync(cancellationToken);
        db.RemoveRange(days.Where(d => !d.IsEdited));
        var edited = days.Where(d => d.IsEdited).Select(d => d.Date).ToHashSet();
        db.AddRange(entries.Where(e => !edited.Contains(e.Date)).Select(e => new CalendarDay { Date = e.Date, Kind = e.Kind, Name = e.Name, Quote = e.Quote, NoticeYear = notice.Year }));
        return edited.Count;
    }

    /// <summary>Counts again the deadlines of open requests that were provisional, on the calendar as it now stands (saved by the caller).</summary>
    public static async Task<int> RecountOpenRequestsAsync(InnoClusterDbContext db, WorkingCalendar calendar, string notice, AppealActor actor, CancellationToken cancellationToken)
    {
        var open = await db.Set<Appeal>().Include(a => a.Steps)
            .Where(a => a.DueIsProvisional && (a.Status == AppealStatus.Received || a.Status == AppealStatus.Assigned || a.Status == AppealStatus.InProgress))
            .ToListAsync(cancellationToken);
        return open.Count(a => a.RecountDeadlines(calendar, notice, actor));
    }

    private static List<FieldError> Check(Request request, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (request.Year is not (>= 2000 and <= 2100))
        {
            errors.Add(new("year", "请填写通知所安排的年份（2000–2100） / the year the notice arranges (2000–2100)"));
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 20_000)
        {
            errors.Add(new("text", "请粘贴通知全文（2万字以内） / paste the notice's full text (at most 20,000 characters)"));
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > 200)
        {
            errors.Add(new("title", "请填写通知标题（200字以内） / the notice's title, at most 200 characters"));
        }
        else if (request.Year is { } year && !request.Title.Contains($"{year}年", StringComparison.Ordinal))
        {
            errors.Add(new("title", $"标题未提及{year}年 / the title does not name {year}"));
        }
        else if (request.Text is { } text && !text.Contains(request.Title.Trim(), StringComparison.Ordinal))
        {
            errors.Add(new("title", "标题不在通知全文中 / the title is not in the text"));
        }

        if (string.IsNullOrWhiteSpace(request.Issuer) || request.Issuer.Trim().Length > 100)
        {
            errors.Add(new("issuer", "请填写发文机关（如 国务院办公厅） / the issuer (e.g. 国务院办公厅)"));
        }

        if (request.IssuedOn is not { } issued || issued > today)
        {
            errors.Add(new("issuedOn", "请填写成文日期（不晚于今天） / the date it was issued, not after today"));
        }

        if (!Uri.TryCreate(request.Url?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || request.Url!.Trim().Length > 500)
        {
            errors.Add(new("url", "请填写发布网址（http/https） / where it was published (an http or https address)"));
        }

        if (request.Published?.Trim().Length > 200)
        {
            errors.Add(new("published", "发布说明200字以内 / at most 200 characters"));
        }

        return errors;
    }
}
