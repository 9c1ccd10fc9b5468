using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>
/// When the office may decide an application: the call is in review (or in its 公示, to correct a decision
/// after an objection); the application is in review; every expert still on it has scored (at least one);
/// scores further apart than the threshold have the panel's score; a selection stays within the total quota;
/// and the decision has its reason.
/// </summary>
public static class DecisionRules
{
    public static Problem? WhyNot(Call call, CallApplication application, IReadOnlyList<ReviewAssignment> assignments, int selectedOthers, bool select, string? reason, DateTimeOffset now)
    {
        if (call.PhaseAt(now) is not (CallPhase.Reviewing or CallPhase.Publicity))
        {
            return Problem.Conflict("申报截止后、结果公布前才能决定 / decisions are made after the close and before the result");
        }

        if (!application.IsInReview(call))
        {
            return Problem.Conflict("该申报不在评审中 / the application is not in review");
        }

        var active = assignments.Where(a => a.Status != AssignmentStatus.Recused).ToList();
        if (active.Count == 0)
        {
            return Problem.Conflict("尚未分配评审专家 / no expert reviews it yet");
        }

        if (active.Count(a => a.Status != AssignmentStatus.Scored) is > 0 and var open)
        {
            return Problem.Conflict($"还有 {open} 位专家未评分 / {open} experts have not scored it yet");
        }

        var totals = active.Select(a => a.Latest!.Total).ToList();
        if (totals.Max() - totals.Min() > call.DivergenceThreshold && application.PanelScore is null)
        {
            return Problem.Conflict($"专家评分相差超过{call.DivergenceThreshold:0.##}分，须先由小组评议 / the scores differ by more than {call.DivergenceThreshold:0.##} points: the panel decides its score first");
        }

        if (select && application.Status != ApplicationStatus.Selected && call.TotalQuota is { } quota && selectedOthers >= quota)
        {
            return Problem.Conflict($"总名额 {quota} 个已满 / the quota of {quota} is full");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 2000)
        {
            return Problem.Invalid("reason", "请写明决定理由（2000字以内） / give the reason, at most 2000 characters");
        }

        return null;
    }
}
