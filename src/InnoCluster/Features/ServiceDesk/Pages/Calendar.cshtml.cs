using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>
/// The working calendar the desk's clocks run on, a year at a time: the notice it follows with its source, and
/// each holiday and weekend worked with the sentence that sets it. A system administrator corrects a day here.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class CalendarModel(GetCalendar calendar, EditCalendarDay edit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public GetCalendar.Year Shown { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public DayForm Day { get; set; } = new();

    public sealed class DayForm
    {
        public DateOnly? Date { get; set; }

        public DayKind Kind { get; set; }

        public string? Name { get; set; }

        public string? Reason { get; set; }
    }

    public bool MayEdit => User.IsInRole(Roles.SystemAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Year is not null and (< 2000 or > 2100))
        {
            return NotFound();
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDayAsync(CancellationToken cancellationToken)
    {
        if (!MayEdit)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        if (Day.Date is not { } date)
        {
            (Problem, Errors) = (Ui.L("请选择日期", "Choose the date"), [new("date", Ui.L("请选择日期", "Choose the date"))]);
        }
        else
        {
            var edited = await edit.RunAsync(date, new EditCalendarDay.Request(Day.Kind, Day.Name, Day.Reason), User, cancellationToken);
            if (edited.Problem is null)
            {
                Notice = Ui.L($"已更正 {date:yyyy-MM-dd}", $"{date:yyyy-MM-dd} corrected");
                return Redirect($"/calendar?year={date.Year}");
            }

            (Problem, Errors, Year) = (edited.Problem.Text, edited.Problem.AsFieldErrors(), date.Year);
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Shown = await calendar.RunAsync(Year ??= WorkingCalendar.BeijingDay(clock.GetUtcNow()).Year, cancellationToken);
        return Page();
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>Days set by one sentence of the notice, or one administrator's correction: a row of the page.</summary>
    public sealed record Arrangement(IReadOnlyList<GetCalendar.Day> Days)
    {
        public GetCalendar.Day First => Days[0];

        public bool IsRun => Days.Count > 1 && Days[^1].Date.DayNumber - Days[0].Date.DayNumber == Days.Count - 1;
    }

    /// <summary>The year's days as the notice arranges them: the days one sentence sets together in one row, corrections on their own.</summary>
    public static IReadOnlyList<Arrangement> Arrangements(IReadOnlyList<GetCalendar.Day> days) =>
        [.. days.GroupBy(d => d.Quote is null ? $"edit:{d.Date:yyyy-MM-dd}" : $"{d.Kind}|{d.Name}|{d.Quote}", StringComparer.Ordinal)
            .Select(g => new Arrangement([.. g.OrderBy(d => d.Date)]))
            .OrderBy(a => a.First.Date)];
}
