using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>The words for a proposal's kind, status, outcome class, disclosure and commitments, in the reader's language.</summary>
public static class ProposalText
{
    public static string Kind(ProposalKind kind) => kind == ProposalKind.CppccProposal ? Ui.L("政协提案", "CPPCC proposal") : Ui.L("人大建议", "Deputy's suggestion");

    public static string Status(ProposalStatus status) => status switch
    {
        ProposalStatus.Registered => Ui.L("已交办，待答复", "Assigned, no reply yet"),
        ProposalStatus.Drafted => Ui.L("答复已拟稿，待签发", "Reply drafted, awaiting sign-off"),
        ProposalStatus.SignedOff => Ui.L("已签发，待发出", "Signed off, to be sent"),
        _ => Ui.L("已答复", "Replied"),
    };

    public static string Outcome(ProposalOutcome? outcome) => outcome switch
    {
        ProposalOutcome.A => Ui.L("A类 已解决或采纳", "A: solved or adopted"),
        ProposalOutcome.B => Ui.L("B类 正在解决或列入计划", "B: being solved or planned"),
        ProposalOutcome.C => Ui.L("C类 因条件限制留作参考", "C: kept for reference"),
        _ => Ui.L("未知（来源未写明）", "unknown (not stated)"),
    };

    public static string Disclosure(DisclosureMode? mode) => mode switch
    {
        DisclosureMode.Active => Ui.L("主动公开", "Published"),
        DisclosureMode.OnRequest => Ui.L("依申请公开", "On request"),
        DisclosureMode.NotDisclosed => Ui.L("不予公开", "Not disclosed"),
        _ => Ui.L("未知（来源未写明）", "unknown (not stated)"),
    };

    public static string Commitment(CommitmentStatus status) => status switch
    {
        CommitmentStatus.InProgress => Ui.L("推进中", "In progress"),
        CommitmentStatus.Done => Ui.L("已完成", "Done"),
        _ => Ui.L("进展未知（尚无报告）", "Unknown (no report yet)"),
    };

    public static string Known(string? value) => value ?? Ui.L("未知", "unknown");

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? Ui.L("未知", "unknown");
}
