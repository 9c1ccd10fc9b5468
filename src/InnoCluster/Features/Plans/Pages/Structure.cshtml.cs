using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>The official's review of what was read from the plan's text: targets, actions and tasks, each confirmed or edited.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class StructureModel(GetPlanStructure structure, ConfirmPlan confirm, EditPlanTarget editTarget, RejectPlanTarget reject, EditPlanAction editAction, EditPlanTask editTask) : PageModel
{
    public ListPlans.Item Plan { get; private set; } = default!;

    public IReadOnlyList<PlanTarget> Targets { get; private set; } = [];

    public IReadOnlyList<PlanAction> Actions { get; private set; } = [];

    public Dictionary<string, string[]> Problems { get; private set; } = [];

    public int? EditedId { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAllAsync(int id, CancellationToken cancellationToken)
    {
        if (!await confirm.RunAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice = Ui.L("已全部确认", "All confirmed");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostTargetAsync(int id, int targetId, string? name, string? value, int? deadline, TargetPeriod? period, CancellationToken cancellationToken)
    {
        return await AfterAsync(id, targetId, await editTarget.RunAsync(targetId, new EditPlanTarget.Request(name, value, deadline, period), cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, int targetId, CancellationToken cancellationToken)
    {
        var rejected = await reject.RunAsync(targetId, cancellationToken);
        return await AfterAsync(id, targetId, rejected.Problem is { Kind: ProblemKind.Conflict } ? Problem.Invalid("target", Ui.L("目标已有数值，不能删除", "The target has values and cannot be removed")) : rejected, cancellationToken);
    }

    public async Task<IActionResult> OnPostActionAsync(int id, int actionId, string? title, string? units, CancellationToken cancellationToken)
    {
        return await AfterAsync(id, actionId, await editAction.RunAsync(actionId, new UnitsEdit(title, FormLists.Split(units), ApplyToTasks: true), cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostTaskAsync(int id, int taskId, string? title, string? units, CancellationToken cancellationToken)
    {
        return await AfterAsync(id, taskId, await editTask.RunAsync(taskId, new UnitsEdit(title, FormLists.Split(units)), cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, int editedId, Result result, CancellationToken cancellationToken)
    {
        if (result.Problem?.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        var problems = result.Problem is { } problem ? problem.ByField.ToDictionary(p => p.Key, p => p.Value) : [];

        Problems = problems;
        EditedId = editedId;
        Notice = problems.Count == 0 ? Ui.L("已保存并确认", "Saved and confirmed") : null;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await structure.RunAsync(id, cancellationToken) is not { } read)
        {
            return false;
        }

        (Plan, Targets, Actions) = (read.Plan, read.Targets, read.Actions);
        return true;
    }
}
