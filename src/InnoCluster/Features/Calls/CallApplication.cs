using InnoCluster.Features.Calculator;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

public enum ApplicationStatus
{
    Draft,
    Submitted,

    /// <summary>形式审查 sent it back for correction, with a reason and a deadline.</summary>
    Returned,

    /// <summary>Passed 形式审查.</summary>
    Accepted,

    /// <summary>Its 板块 recommends it (within the 板块's quota).</summary>
    Recommended,

    NotRecommended,
    Withdrawn,

    /// <summary>The office's decision: selected (入选/认定/推荐).</summary>
    Selected,

    NotSelected,
}

/// <summary>An answer to one field of the form.</summary>
public sealed record FieldAnswer(string Key, string Value);

/// <summary>A file given for one of the form's required attachments.</summary>
public sealed record AttachedFile(string Key, Guid FileId, string FileName);

/// <summary>
/// A firm's application to a call, from draft to decision. Every move is a rule here, checked against the
/// call's dates and where the application stands, and a step in its history.
/// </summary>
public sealed class CallApplication
{
    public int Id { get; set; }

    public int CallId { get; set; }

    public int EnterpriseId { get; set; }

    public string EnterpriseName { get; set; } = "";

    /// <summary>The firm's 板块 when it applied (the 板块 that recommends it).</summary>
    public int? DistrictId { get; set; }

    public string ProjectTitle { get; set; } = "";

    /// <summary>联合申报单位: organisations applying with the firm (their experts are recused too).</summary>
    public List<string> Partners { get; set; } = [];

    public List<FieldAnswer> Answers { get; set; } = [];

    /// <summary>The person put forward, for a talent programme's call; null otherwise.</summary>
    public TalentCandidate? Candidate { get; set; }

    public List<AttachedFile> Files { get; set; } = [];

    public ApplicationStatus Status { get; set; }

    public string CreatedById { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The eligibility as checked at the last submission: conditions still open are for 形式审查 to verify.</summary>
    public List<EligibilityReason> Eligibility { get; set; } = [];

    public string? ReturnReason { get; set; }

    public DateTimeOffset? CorrectionDueAt { get; set; }

    public int Returns { get; set; }

    public decimal? PanelScore { get; set; }

    public string? PanelReason { get; set; }

    public string? DecisionReason { get; set; }

    /// <summary>For a call that recommends upward: whether the national or provincial programme approved it (入围/获批/认定), when, and the award.</summary>
    public bool? UpwardApproved { get; set; }

    public DateOnly? UpwardDecidedOn { get; set; }

    public decimal? AwardedAmount { get; set; }

    public string? UpwardNote { get; set; }

    public List<ApplicationStep> Steps { get; set; } = [];

    public bool IsEditable => Status is ApplicationStatus.Draft or ApplicationStatus.Returned;

    /// <summary>In the pool the experts review: past 形式审查, and recommended when the call asks 板块 to recommend.</summary>
    public bool IsInReview(Call call) => InReview(Status, call);

    public static bool InReview(ApplicationStatus status, Call call) =>
        status is ApplicationStatus.Recommended || (status is ApplicationStatus.Accepted && !call.NeedsDistrictRecommendation)
        || status is ApplicationStatus.Selected or ApplicationStatus.NotSelected;

    public string? Answer(string key) => Answers.FirstOrDefault(a => a.Key == key)?.Value;

    /// <summary>What the form still lacks, field by field (required answers and files, lengths).</summary>
    public IReadOnlyList<FieldError> WhatIsMissing(Call call)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(ProjectTitle))
        {
            errors.Add(new("projectTitle", "请填写申报项目名称 / give the project's title"));
        }

        if (call.Programme == CallProgramme.Talent)
        {
            foreach (var (key, value, zh, en) in new[]
            {
                ("candidate.name", Candidate?.Name, "人才姓名", "the candidate's name"),
                ("candidate.position", Candidate?.Position, "人才现任职务或职称", "the candidate's position or title"),
                ("candidate.field", Candidate?.Field, "人才专业领域", "the candidate's field"),
            })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    errors.Add(new(key, $"请填写{zh} / give {en}"));
                }
            }
        }

        foreach (var field in call.Fields)
        {
            var value = Answer(field.Key);
            if (field.Required && string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new($"answers.{field.Key}", $"请填写“{field.Label}” / “{field.Label}” is required"));
            }
            else if (value is not null && value.Length > field.MaxLength)
            {
                errors.Add(new($"answers.{field.Key}", $"“{field.Label}”超过{field.MaxLength}字 / “{field.Label}” is longer than {field.MaxLength} characters"));
            }
        }

        foreach (var attachment in call.Attachments.Where(a => a.Required && Files.All(f => f.Key != a.Key)))
        {
            errors.Add(new($"files.{attachment.Key}", $"请上传“{attachment.Label}” / attach “{attachment.Label}”"));
        }

        return errors;
    }

    /// <summary>Submits (or resubmits after a return): before the close, or before the correction deadline; complete; not ruled out.</summary>
    public Problem? Submit(Call call, EligibilityAnswer eligibility, DateTimeOffset now, CallActor actor)
    {
        if (!IsEditable)
        {
            return Problem.Conflict("申报已提交 / the application is already submitted");
        }

        if (Status == ApplicationStatus.Returned ? now >= CorrectionDueAt : !call.TakesApplicationsAt(now))
        {
            var due = Status == ApplicationStatus.Returned ? CorrectionDueAt : call.ClosesAt;
            return Problem.Conflict(due is { } at && now >= at
                ? $"已超过截止时间 {CallTime.Written(at)}（北京时间） / past the deadline, {CallTime.Written(at)} Beijing time"
                : "本次征集不在申报期内 / the call is not taking applications");
        }

        if (WhatIsMissing(call) is { Count: > 0 } missing)
        {
            return Problem.Fields(missing);
        }

        if (eligibility.Eligible == false)
        {
            return Problem.Fields(eligibility.Failed.Select(r => new FieldError("eligibility",
                r.FirmValue is { } value ? $"不符合：{r.Condition}（贵企业：{value}） / not met: {r.Condition} (your firm: {value})" : $"不符合：{r.Condition} / not met: {r.Condition}")));
        }

        Eligibility = [.. eligibility.Reasons];
        var resubmitted = Status == ApplicationStatus.Returned;
        (Status, SubmittedAt, CorrectionDueAt) = (ApplicationStatus.Submitted, now, null);
        Record(resubmitted ? "resubmit" : "submit", actor, now, eligibility.Open.Any() ? string.Join("；", eligibility.Open.Select(r => r.Condition)) : null);
        return null;
    }

    public Problem? Withdraw(DateTimeOffset now, CallActor actor)
    {
        if (Status is ApplicationStatus.Withdrawn or ApplicationStatus.Selected or ApplicationStatus.NotSelected)
        {
            return Problem.Conflict("申报已有结果或已撤回 / the application is decided or withdrawn");
        }

        Status = ApplicationStatus.Withdrawn;
        Record("withdraw", actor, now, null);
        return null;
    }

    /// <summary>形式审查: accepted, or returned for correction with the reason and a deadline (at least one day).</summary>
    public Problem? Check(bool accept, string? reason, int correctionDays, DateTimeOffset now, CallActor actor)
    {
        if (Status != ApplicationStatus.Submitted)
        {
            return Problem.Conflict("只有已提交的申报可以形式审查 / only a submitted application is checked");
        }

        if (accept)
        {
            Status = ApplicationStatus.Accepted;
            Record("accept", actor, now, reason);
            return null;
        }

        if (RefusalReason.Check(reason, ("退回", "a return for correction"), ("企业", "the firm"), maxLength: 2000) is { } refused)
        {
            return refused;
        }

        if (correctionDays is < 1 or > 60)
        {
            return Problem.Invalid("correctionDays", "补正期限为1至60天 / the correction period is 1 to 60 days");
        }

        (Status, ReturnReason, CorrectionDueAt) = (ApplicationStatus.Returned, reason!.Trim(), now.AddDays(correctionDays));
        Returns++;
        Record("return", actor, now, ReturnReason);
        return null;
    }

    /// <summary>The 板块's recommendation, within its quota (<paramref name="recommendedSoFar"/> of its firms already recommended).</summary>
    public Problem? Recommend(Call call, bool recommend, string? reason, int recommendedSoFar, DateTimeOffset now, CallActor actor)
    {
        if (!call.NeedsDistrictRecommendation)
        {
            return Problem.Conflict("本次征集不需要板块推荐 / this call has no 板块 recommendation");
        }

        if (Status is not (ApplicationStatus.Accepted or ApplicationStatus.Recommended or ApplicationStatus.NotRecommended))
        {
            return Problem.Conflict("形式审查通过后才能推荐 / an application is recommended after it passes the check");
        }

        if (recommend && Status != ApplicationStatus.Recommended && call.QuotaOf(DistrictId) is { } quota && recommendedSoFar >= quota)
        {
            return Problem.Conflict($"本板块名额 {quota} 个已用完 / the 板块's quota of {quota} is used up");
        }

        if (recommend && call.QuotaOf(DistrictId) is null)
        {
            return Problem.Conflict("本板块没有推荐名额 / this 板块 has no quota in this call");
        }

        Status = recommend ? ApplicationStatus.Recommended : ApplicationStatus.NotRecommended;
        Record(recommend ? "recommend" : "not-recommend", actor, now, reason);
        return null;
    }

    public Problem? SetPanelScore(decimal score, string? reason, DateTimeOffset now, CallActor actor)
    {
        if (score is < 0 or > 100)
        {
            return Problem.Invalid("score", "小组评分为0至100分 / the panel's score is 0 to 100");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Problem.Invalid("reason", "请写明小组评议理由 / give the panel's reason");
        }

        (PanelScore, PanelReason) = (score, reason.Trim());
        Record("panel", actor, now, $"{score:0.##}: {PanelReason}");
        return null;
    }

    public void Decide(bool selected, string reason, DateTimeOffset now, CallActor actor)
    {
        (Status, DecisionReason) = (selected ? ApplicationStatus.Selected : ApplicationStatus.NotSelected, reason);
        Record(selected ? "select" : "not-select", actor, now, reason);
    }

    /// <summary>
    /// The higher level's answer to an application the city recommended upward, once the city's result is
    /// published: approved or not, on which day (not after today), the award in 元 if any, and where it was read.
    /// </summary>
    public Problem? RecordUpwardResult(Call call, bool approved, DateOnly? decidedOn, decimal? amount, string? note, DateOnly today, DateTimeOffset now, CallActor actor)
    {
        if (call.Kind != CallKind.UpwardRecommendation || call.Status != CallStatus.Decided || Status != ApplicationStatus.Selected)
        {
            return Problem.Conflict("只有已推荐上报的申报可以登记上级结果 / only an application the city recommended upward has a higher-level result");
        }

        if (UpwardApproved is not null)
        {
            return Problem.Conflict("上级结果已登记，不能覆盖 / the higher level's result is recorded and is not overwritten");
        }

        var errors = new List<FieldError>();
        if (decidedOn is not { } on || on > today)
        {
            errors.Add(new("decidedOn", "请填写上级公布结果的日期（不晚于今天） / the day the higher level announced it, not after today"));
        }

        if (amount is < 0 || (amount is > 0 && !approved))
        {
            errors.Add(new("amount", "奖补金额须为正数，且仅用于获批项目 / an award is positive and only for an approved application"));
        }

        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 1000)
        {
            errors.Add(new("note", "请注明依据（如上级公示文件名称和文号，1000字以内） / say where it is stated (the higher level's notice), at most 1000 characters"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        (UpwardApproved, UpwardDecidedOn, AwardedAmount, UpwardNote) = (approved, decidedOn, amount, note!.Trim());
        Record(approved ? "upward-approved" : "upward-declined", actor, now, UpwardNote);
        return null;
    }

    public void Record(string action, CallActor actor, DateTimeOffset at, string? note) =>
        Steps.Add(new ApplicationStep { Action = action, At = at, ActorId = actor.UserId, ActorName = actor.Name, Note = note });
}

public sealed class ApplicationStep
{
    public long Id { get; set; }

    public int ApplicationId { get; set; }

    public string Action { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>The account that acted (for erasing its name with its personal data); the name is what readers see.</summary>
    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string? Note { get; set; }
}
