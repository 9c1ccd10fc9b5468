using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.ServiceDesk;

public enum AppealStatus
{
    /// <summary>Filed, waiting for the desk to accept and assign it (or handed back for another unit).</summary>
    Received = 0,

    /// <summary>Accepted and assigned (交办) to a lead unit; the unit has not answered yet.</summary>
    Assigned = 1,

    /// <summary>The unit has answered and is handling it (处置).</summary>
    InProgress = 2,

    /// <summary>The unit says it is resolved (办结); the firm may rate it.</summary>
    Resolved = 3,

    /// <summary>Rated, or closed without a rating.</summary>
    Closed = 4,
}

public enum AppealChannel
{
    Platform = 0,
    Hotline12345 = 1,
    Visit = 2,
    Letter = 3,
    Other = 4,
}

public enum Satisfaction
{
    Satisfied = 0,
    BasicallySatisfied = 1,
    Dissatisfied = 2,
}

/// <summary>
/// An enterprise's request (企业诉求) and its way through the desk: received → assigned to a lead unit (with
/// co-units) → answered → resolved → rated. Every move is a rule here, checked against who moves it and
/// where the request stands; every move is a step in its history with the deadline it set.
/// </summary>
public sealed partial class Appeal
{
    public int Id { get; set; }

    public string Topic { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>The desk's classification (政策兑现, 融资, 人才, 用地, 审批, 场景 …); empty until assigned.</summary>
    public string? Theme { get; set; }

    /// <summary>The theme the classifier proposed when the request was filed (kept beside the desk's, to measure it), and its probability.</summary>
    public string? SuggestedTheme { get; set; }

    public double? SuggestedThemeConfidence { get; set; }

    public int? EnterpriseId { get; set; }

    public string EnterpriseName { get; set; } = "";

    /// <summary>The firm's 板块 when the request was filed (for the office's analytics by district).</summary>
    public int? DistrictId { get; set; }

    public AppealChannel Channel { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The contact person, encrypted at rest; shown only to those handling the request.</summary>
    public string? ContactNameProtected { get; set; }

    public string? ContactPhoneProtected { get; set; }

    public string FiledById { get; set; } = "";

    public AppealStatus Status { get; set; }

    public string? LeadUnit { get; set; }

    public List<string> CoUnits { get; set; } = [];

    public DateTimeOffset? AcceptDueAt { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public DateTimeOffset? FirstResponseDueAt { get; set; }

    public DateTimeOffset? FirstResponseAt { get; set; }

    public DateTimeOffset? ResolveDueAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Any deadline computed through a year whose holiday notice is not in the platform yet.</summary>
    public bool DueIsProvisional { get; set; }

    public string? Resolution { get; set; }

    public string? ExtensionReason { get; set; }

    public bool? ExtensionApproved { get; set; }

    public Satisfaction? Rating { get; set; }

    public string? RatingComment { get; set; }

    public int Reopened { get; set; }

    /// <summary>The deadline whose passing was last escalated (督办): each missed deadline is escalated once.</summary>
    public DateTimeOffset? EscalatedFor { get; set; }

    public List<AppealStep> Steps { get; set; } = [];

    /// <summary>The deadline of the stage the request is in, if it has one.</summary>
    public DateTimeOffset? CurrentDueAt => Status switch
    {
        AppealStatus.Received => AcceptDueAt,
        AppealStatus.Assigned => FirstResponseDueAt,
        AppealStatus.InProgress => ResolveDueAt,
        _ => null,
    };

    public bool IsOverdue(DateTimeOffset now) => CurrentDueAt is { } due && now > due;

    /// <summary>The same rule as <see cref="IsOverdue"/>, as a query the databases run (the board's filter, the daily 督办).</summary>
    public static System.Linq.Expressions.Expression<Func<Appeal, bool>> OverdueAt(DateTimeOffset now) => a =>
        (a.Status == AppealStatus.Received && a.AcceptDueAt < now)
        || (a.Status == AppealStatus.Assigned && a.FirstResponseDueAt < now)
        || (a.Status == AppealStatus.InProgress && a.ResolveDueAt < now);

    /// <summary>A firm sees its own; the desk sees all; a unit sees what is assigned to it (lead or co-unit).</summary>
    public bool IsVisibleTo(AppealActor actor) =>
        actor.IsDesk || (actor.EnterpriseId is { } firm && firm == EnterpriseId) || (actor.Unit is { } unit && IsHandledBy(unit));

    public bool IsHandledBy(string unit) => string.Equals(LeadUnit, unit, StringComparison.Ordinal) || CoUnits.Contains(unit, StringComparer.Ordinal);

    /// <summary>Whether the person may see the contact person's name and phone: the firm that gave them, the desk and the units handling it.</summary>
    public bool ShowsContactTo(AppealActor actor) => IsVisibleTo(actor);

    public void Filed(DateTimeOffset receivedAt, WorkingCalendar calendar, AppealActor actor)
    {
        ReceivedAt = receivedAt.ToUniversalTime();
        Status = AppealStatus.Received;
        var due = calendar.DueAfter(receivedAt, AppealDeadlines.Accept);
        AcceptDueAt = due.At;
        DueIsProvisional = due.Provisional;
        Record("file", actor, $"{Channel}", null, due.At);
    }

    /// <summary>The desk accepts and assigns it (受理·交办): the lead unit's clocks start.</summary>
    public Problem? Assign(string leadUnit, IReadOnlyList<string> coUnits, string? theme, DateTimeOffset now, WorkingCalendar calendar, AppealActor actor)
    {
        if (!actor.IsDesk)
        {
            return Problem.Forbidden("只有受理窗口可以交办 / only the desk assigns requests");
        }

        if (Status is not (AppealStatus.Received or AppealStatus.Assigned))
        {
            return Problem.Conflict($"诉求已在办理中，不能重新交办（{Status}） / the request is already being handled");
        }

        if (string.IsNullOrWhiteSpace(leadUnit))
        {
            return Problem.Invalid("leadUnit", "请指定牵头单位 / name the lead unit");
        }

        (LeadUnit, CoUnits, Theme) = (leadUnit.Trim(), [.. coUnits.Select(u => u.Trim()).Where(u => u.Length > 0 && u != leadUnit.Trim()).Distinct()], string.IsNullOrWhiteSpace(theme) ? Theme : theme.Trim());
        Status = AppealStatus.Assigned;
        AssignedAt = now;
        var respond = calendar.DueAfter(now, AppealDeadlines.FirstResponse);
        var resolve = calendar.DueAfter(now, AppealDeadlines.Resolve);
        (FirstResponseDueAt, ResolveDueAt) = (respond.At, resolve.At);
        DueIsProvisional |= respond.Provisional || resolve.Provisional;
        Record("assign", actor, string.Join("、", CoUnits.Prepend(LeadUnit)), LeadUnit, resolve.At);
        return null;
    }

    /// <summary>The lead unit answers the firm (first response): it is now being handled.</summary>
    public Problem? Respond(string note, DateTimeOffset now, AppealActor actor)
    {
        if (WhyNotLeadUnit(actor, AppealStatus.Assigned, AppealStatus.InProgress) is { } problem)
        {
            return problem;
        }

        FirstResponseAt ??= now;
        Status = AppealStatus.InProgress;
        Record("respond", actor, note, LeadUnit, ResolveDueAt);
        return null;
    }

    /// <summary>The lead unit asks for more time (up to 30 working days in all), with the reason; the desk decides.</summary>
    public Problem? RequestExtension(string reason, AppealActor actor)
    {
        if (WhyNotLeadUnit(actor, AppealStatus.Assigned, AppealStatus.InProgress) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Problem.Invalid("reason", "请说明延期理由 / give the reason for the extension");
        }

        if (ExtensionReason is not null)
        {
            return Problem.Conflict("每件诉求只能申请一次延期 / one extension per request");
        }

        ExtensionReason = reason.Trim();
        Record("extension-requested", actor, ExtensionReason, LeadUnit, ResolveDueAt);
        return null;
    }

    public Problem? DecideExtension(bool approve, string? note, WorkingCalendar calendar, AppealActor actor)
    {
        if (!actor.IsDesk)
        {
            return Problem.Forbidden("只有受理窗口可以批准延期 / only the desk decides extensions");
        }

        if (ExtensionReason is null || ExtensionApproved is not null)
        {
            return Problem.Conflict("没有待批准的延期申请 / no extension is waiting for a decision");
        }

        ExtensionApproved = approve;
        if (approve)
        {
            var due = calendar.DueAfter(AssignedAt!.Value, AppealDeadlines.ExtendedResolve);
            ResolveDueAt = due.At;
            DueIsProvisional |= due.Provisional;
        }

        Record(approve ? "extension-approved" : "extension-refused", actor, note, LeadUnit, ResolveDueAt);
        return null;
    }

    /// <summary>The lead unit hands a mis-assigned request back to the desk, saying why; the desk's 1-day clock starts again.</summary>
    public Problem? HandBack(string reason, DateTimeOffset now, WorkingCalendar calendar, AppealActor actor)
    {
        if (WhyNotLeadUnit(actor, AppealStatus.Assigned) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Problem.Invalid("reason", "请说明退回理由 / say why it is not yours");
        }

        var unit = LeadUnit;
        (Status, LeadUnit, CoUnits, AssignedAt, FirstResponseDueAt, ResolveDueAt, ExtensionReason, ExtensionApproved) = (AppealStatus.Received, null, [], null, null, null, null, null);
        var due = calendar.DueAfter(now, AppealDeadlines.Accept);
        AcceptDueAt = due.At;
        DueIsProvisional |= due.Provisional;
        Record("hand-back", actor, reason.Trim(), unit, due.At);
        return null;
    }

    public Problem? Resolve(string resolution, DateTimeOffset now, AppealActor actor)
    {
        if (WhyNotLeadUnit(actor, AppealStatus.Assigned, AppealStatus.InProgress) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(resolution))
        {
            return Problem.Invalid("resolution", "请写明办理结果 / write what was done");
        }

        FirstResponseAt ??= now;
        (Status, ResolvedAt, Resolution) = (AppealStatus.Resolved, now, resolution.Trim());
        Record("resolve", actor, Resolution, LeadUnit, null);
        return null;
    }

    /// <summary>The firm rates the result; 不满意 reopens the request once, with the lead unit's 15-day clock again.</summary>
    public Problem? Rate(Satisfaction rating, string? comment, DateTimeOffset now, WorkingCalendar calendar, AppealActor actor)
    {
        if (actor.EnterpriseId is null || actor.EnterpriseId != EnterpriseId)
        {
            return Problem.Forbidden("只有提出诉求的企业可以评价 / only the firm that filed it rates it");
        }

        if (Status != AppealStatus.Resolved)
        {
            return Problem.Conflict("诉求尚未办结，不能评价 / the request is not resolved yet");
        }

        (Rating, RatingComment) = (rating, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        if (rating == Satisfaction.Dissatisfied && Reopened == 0)
        {
            Reopened++;
            var due = calendar.DueAfter(now, AppealDeadlines.Resolve);
            (Status, ResolvedAt, ResolveDueAt) = (AppealStatus.InProgress, null, due.At);
            DueIsProvisional |= due.Provisional;
            Record("reopen", actor, RatingComment, LeadUnit, due.At);
            return null;
        }

        Status = AppealStatus.Closed;
        Record("rate", actor, $"{rating}{(RatingComment is null ? "" : "：" + RatingComment)}", LeadUnit, null);
        return null;
    }

    /// <summary>The contact person's name and phone are erased (on the person's request); the request and its history stay.</summary>
    public void EraseContact() => (ContactNameProtected, ContactPhoneProtected) = (null, null);

    /// <summary>督办: an overdue request is escalated once per missed deadline; false when there is nothing to escalate.</summary>
    public bool Escalate(AppealActor desk)
    {
        if (!IsOverdue(desk.Now) || EscalatedFor == CurrentDueAt)
        {
            return false;
        }

        EscalatedFor = CurrentDueAt;
        Record("escalate", desk, Status.ToString(), LeadUnit, CurrentDueAt);
        return true;
    }

    private Problem? WhyNotLeadUnit(AppealActor actor, params AppealStatus[] allowed)
    {
        if (!actor.IsDesk && (actor.Unit is null || !string.Equals(actor.Unit, LeadUnit, StringComparison.Ordinal)))
        {
            return Problem.Forbidden("只有牵头单位可以办理 / only the lead unit handles it");
        }

        return allowed.Contains(Status) ? null : Problem.Conflict($"诉求当前状态（{Status}）下不能这样操作 / not possible while the request is {Status}");
    }

    private void Record(string action, AppealActor actor, string? note, string? unit, DateTimeOffset? due) =>
        Steps.Add(new AppealStep { Action = action, At = actor.Now, ActorName = actor.Name, Unit = unit, Note = note, DueAt = due });
}

/// <summary>One move of a request: what, when, by whom, for which unit, and the deadline it set.</summary>
public sealed class AppealStep
{
    public long Id { get; set; }

    public int AppealId { get; set; }

    public string Action { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string ActorName { get; set; } = "";

    public string? Unit { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset? DueAt { get; set; }
}

/// <summary>Who acts on a request: the desk (officials), a unit's account (its 责任单位), or a firm's account.</summary>
public sealed record AppealActor(string UserId, string Name, bool IsDesk, string? Unit, int? EnterpriseId, DateTimeOffset Now)
{
    public static AppealActor Of(System.Security.Claims.ClaimsPrincipal user, DateTimeOffset now) => new(
        Infrastructure.Web.ClaimNames.UserId(user) ?? "",
        user.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? user.Identity?.Name ?? "user",
        user.IsInRole(Infrastructure.Web.Roles.Official),
        Infrastructure.Web.ClaimNames.DepartmentOf(user),
        int.TryParse(user.FindFirst(Infrastructure.Web.ClaimNames.EnterpriseId)?.Value, out var firm) ? firm : null,
        now);
}
