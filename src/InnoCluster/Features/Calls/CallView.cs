using InnoCluster.Features.Calculator;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Calls;

/// <summary>A call as anyone may read it once it is public: its rules, its dates (with the Beijing time written out) and where it stands.</summary>
public sealed record CallView(
    int Id, string Title, CallKind Kind, string KindLabel, CallProgramme Programme, string ProgrammeLabel, string? Level, int? Year, int? Batch,
    string Summary, string? ResponsibleUnit, IReadOnlyList<EligibilityCondition> Conditions, IReadOnlyList<string> ConditionTexts,
    IReadOnlyList<FormField> Fields, IReadOnlyList<RequiredAttachment> Attachments, IReadOnlyList<Criterion> Rubric,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, DateTimeOffset? ReviewBy, string? ClosesAtBeijing, int PublicityDays, DateTimeOffset? PublicityFrom, DateTimeOffset? PublicityUntil,
    int? TotalQuota, bool NeedsDistrictRecommendation, IReadOnlyList<DistrictQuota> DistrictQuotas, int ExpertsPerApplication, decimal DivergenceThreshold,
    CallStatus Status, CallPhase Phase, Provenance? Source)
{
    public static CallView Of(Call c, IReadOnlyList<string> conditionTexts, DateTimeOffset now) => new(
        c.Id, c.Title, c.Kind, CallWords.Kind(c.Kind, Ui.English), c.Programme, CallWords.Programme(c.Programme, Ui.English), c.Level, c.Year, c.Batch,
        c.Summary, c.ResponsibleUnit, c.Conditions, conditionTexts, c.Fields, c.Attachments, c.Rubric,
        c.OpensAt, c.ClosesAt, c.ReviewBy, c.ClosesAt is { } closes ? CallTime.Written(closes) : null, c.PublicityDays, c.PublicityFrom, c.PublicityUntil,
        c.TotalQuota, c.NeedsDistrictRecommendation, c.DistrictQuotas, c.ExpertsPerApplication, c.DivergenceThreshold, c.Status, c.PhaseAt(now), c.Source);
}

/// <summary>
/// An application as its reader may see it. Its firm and the office see everything; a 板块 sees its firms'
/// applications; an expert sees the application they review and their own scores, never another expert's
/// (blind review), and never the ranking.
/// </summary>
public sealed record ApplicationView(
    int Id, int CallId, int EnterpriseId, string EnterpriseName, int? DistrictId, string ProjectTitle, IReadOnlyList<string> Partners,
    IReadOnlyList<FieldAnswer> Answers, IReadOnlyList<AttachedFile> Files, ApplicationStatus Status, DateTimeOffset? SubmittedAt,
    IReadOnlyList<EligibilityReason> Eligibility, string? ReturnReason, DateTimeOffset? CorrectionDueAt, decimal? PanelScore, string? PanelReason,
    string? DecisionReason, bool? UpwardApproved, DateOnly? UpwardDecidedOn, decimal? AwardedAmount, string? UpwardNote,
    IReadOnlyList<ApplicationView.Step> Steps, IReadOnlyList<ApplicationView.Review> Reviews, ApplicationView.Person? Candidate = null)
{
    /// <summary>A talent programme's candidate, with the chain node by code and name.</summary>
    public sealed record Person(string Name, string Position, string Field, string? ChainNode, string? ChainNodeName, string? ChainNodeNameEn);

    public sealed record Step(string Action, DateTimeOffset At, string Actor, string? Note);

    public sealed record Review(int AssignmentId, int ExpertId, string? ExpertName, AssignmentStatus Status, string? RecusalReason, IReadOnlyList<CriterionScore> Scores, decimal? Total, string? Comment, int Revisions);

    public static ApplicationView Of(CallApplication a, IReadOnlyList<Review> reviews, bool forExpert, Registry.ChainNodeInfo? candidateNode = null) => new(
        a.Id, a.CallId, a.EnterpriseId, a.EnterpriseName, a.DistrictId, a.ProjectTitle, a.Partners, a.Answers, a.Files, a.Status, a.SubmittedAt,
        a.Eligibility, a.ReturnReason, a.CorrectionDueAt, forExpert ? null : a.PanelScore, forExpert ? null : a.PanelReason, forExpert ? null : a.DecisionReason,
        a.UpwardApproved, a.UpwardDecidedOn, a.AwardedAmount, a.UpwardNote,
        forExpert ? [] : [.. a.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new Step(s.Action, s.At, s.ActorName, s.Note))], reviews,
        a.Candidate is { } c ? new Person(c.Name, c.Position, c.Field, candidateNode?.Code, candidateNode?.Name, candidateNode?.NameEn) : null);

    public static Review ReviewOf(ReviewAssignment r, string? expertName)
    {
        var latest = r.Latest;
        return new(r.Id, r.ExpertId, expertName, r.Status, r.RecusalReason, latest?.Scores ?? [], latest?.Total, latest?.Comment, r.Sheets.Count);
    }
}
