using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>Per responsible unit: its tasks, their latest progress report and what is overdue; a department sees its own unit first.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class UnitsModel(GetPlanStructure structure, ListPlanTasks planTasks, ReportReminders reminders, TimeProvider clock) : PageModel
{
    public IReadOnlyDictionary<string, ReportReminder> LastReminders { get; private set; } = new Dictionary<string, ReportReminder>();

    public IReadOnlyList<ReportReminders.Sent>? Sent { get; private set; }

    public bool IsOfficial => User.IsInRole(Roles.Official);

    /// <summary>An official sends the reminders (催报) to every unit with overdue reports.</summary>
    public async Task<IActionResult> OnPostRemindAsync(int id, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        Sent = await reminders.SendAsync(id, User.Identity?.Name ?? "official", cancellationToken);
        return Sent is null ? NotFound() : await OnGetAsync(id, cancellationToken);
    }

    public ListPlans.Item Plan { get; private set; } = default!;

    public IReadOnlyList<(string Unit, IReadOnlyList<ListPlanTasks.TaskDto> Tasks)> Units { get; private set; } = [];

    public IReadOnlyList<PlanAction> Actions { get; private set; } = [];

    public ReportingPeriod? DuePeriod { get; private set; }

    public string? MyUnit { get; private set; }

    /// <summary>The unit's own part of a task: its reports and what it owes.</summary>
    public static ListPlanTasks.UnitProgress Of(string unit, ListPlanTasks.TaskDto task) => task.ByUnit.First(u => u.Unit == unit);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await structure.RunAsync(id, cancellationToken) is not { } read)
        {
            return NotFound();
        }

        var plan = read.Plan;
        Plan = plan;
        Actions = read.Actions;
        var tasks = await planTasks.RunAsync(id, cancellationToken) ?? [];
        var reporting = await planTasks.ReportingUnitsAsync(id, cancellationToken);
        MyUnit = reporting.UnitOf(Reporter.Of(User).Department, [.. tasks.SelectMany(t => t.ByUnit.Select(u => u.Unit)).Distinct(StringComparer.Ordinal)]) ?? Reporter.Of(User).Department;
        Units = [.. tasks.SelectMany(t => t.ByUnit.Select(u => (u.Unit, Task: t)))
            .GroupBy(x => x.Unit, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key == MyUnit).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<ListPlanTasks.TaskDto>)[.. g.Select(x => x.Task)]))];
        LastReminders = await reminders.LatestAsync(id, cancellationToken);
        DuePeriod = plan.StartYear is { } first && plan.EndYear is { } last ? ReportingCalendar.LatestDue(first, last, InnoCluster.Infrastructure.BeijingTime.Today(clock)) : null;
        return Page();
    }
}
