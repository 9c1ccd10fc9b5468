using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>A people's congress deputy's suggestion (人大建议) or a CPPCC member's proposal (政协提案).</summary>
public enum ProposalKind
{
    CppccProposal = 0,
    DeputySuggestion = 1,
}

public enum ProposalStatus
{
    /// <summary>Registered and assigned (交办) to the lead unit; no reply drafted yet.</summary>
    Registered = 0,

    /// <summary>A reply is drafted and waits for the head's sign-off.</summary>
    Drafted = 1,

    /// <summary>Signed off (签发), waiting to be sent and published.</summary>
    SignedOff = 2,

    /// <summary>Replied (已答复): the letter is sent (and published when its disclosure allows).</summary>
    Replied = 3,
}

/// <summary>The outcome classes of a reply: A 已解决或采纳, B 正在解决或列入计划, C 因条件限制留作参考.</summary>
public enum ProposalOutcome
{
    A = 0,
    B = 1,
    C = 2,
}

/// <summary>公开方式 of a reply letter.</summary>
public enum DisclosureMode
{
    Active = 0,
    OnRequest = 1,
    NotDisclosed = 2,
}

/// <summary>
/// A proposal (建议提案) and its handling: registered with its lead and co-handling units, co-units' opinions,
/// the lead unit's drafted reply with its outcome class and commitments, the head's sign-off, the reply sent
/// and published with its disclosure record, the proposer's satisfaction and the 面商 meeting. Each move is a
/// rule here, checked against who makes it and where the proposal stands. A fact the office does not know
/// (for a seeded reply: the outcome class, the due date) stays empty and reads as unknown.
/// </summary>
public sealed class Proposal
{
    public int Id { get; set; }

    public ProposalKind Kind { get; set; }

    /// <summary>The session that received it, as written: 区政协二届三次会议.</summary>
    public string Session { get; set; } = "";

    public int? Number { get; set; }

    public string Proposer { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The proposal's text; null when the office holds only the reply.</summary>
    public string? Text { get; set; }

    public string LeadUnit { get; set; } = "";

    public List<string> CoUnits { get; set; } = [];

    public DateOnly? DueOn { get; set; }

    public ProposalStatus Status { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public string? ReplyText { get; set; }

    public ProposalOutcome? Outcome { get; set; }

    public string? DraftedBy { get; set; }

    public string? SignedOffBy { get; set; }

    public DateTimeOffset? SignedOffAt { get; set; }

    /// <summary>The date the letter carries (落款日期).</summary>
    public DateOnly? RepliedOn { get; set; }

    /// <summary>The reply's contact person and phone (联系人), encrypted at rest; shown only to those handling it.</summary>
    public string? ContactNameProtected { get; set; }

    public string? ContactPhoneProtected { get; set; }

    /// <summary>信息索引号 of the published letter.</summary>
    public string? DisclosureIndex { get; set; }

    /// <summary>发布机构.</summary>
    public string? Publisher { get; set; }

    public DisclosureMode? Disclosure { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>The reply letter in the document library, when it is published there.</summary>
    public int? ReplyDocumentId { get; set; }

    public Satisfaction? ProposerSatisfaction { get; set; }

    /// <summary>The day of the 面商 meeting with the proposer, if there was one.</summary>
    public DateOnly? MetOn { get; set; }

    public string? FeedbackNote { get; set; }

    /// <summary>Where a seeded proposal was read from (the seed file of its reply letter); null for one registered here.</summary>
    public string? SeedSource { get; set; }

    public List<ProposalOpinion> Opinions { get; set; } = [];

    public List<ProposalCommitment> Commitments { get; set; } = [];

    /// <summary>The office sees all; a unit sees the proposals it leads, co-handles or holds a commitment of.</summary>
    public bool IsVisibleTo(AppealActor actor) =>
        actor.IsDesk || (actor.Unit is { } unit && (IsHandledBy(unit) || Commitments.Any(c => c.Unit == unit)));

    public bool IsHandledBy(string unit) => LeadUnit == unit || CoUnits.Contains(unit, StringComparer.Ordinal);

    /// <summary>The reply is due and not sent.</summary>
    public bool IsOverdue(DateOnly today) => IsReplyOverdue(Status, DueOn, today);

    public static bool IsReplyOverdue(ProposalStatus status, DateOnly? dueOn, DateOnly today) => status != ProposalStatus.Replied && dueOn is { } due && today > due;

    public bool ShowsContactTo(AppealActor actor) => actor.IsDesk || (actor.Unit is { } unit && IsHandledBy(unit));

    /// <summary>The reply's contact person's name and phone are erased (on the person's request).</summary>
    public void EraseContact() => (ContactNameProtected, ContactPhoneProtected) = (null, null);

    /// <summary>A co-handling unit gives its opinion (会办意见) for the lead unit's reply, until the reply is signed off.</summary>
    public Problem? AddOpinion(string? text, AppealActor actor)
    {
        var unit = actor.IsDesk ? null : actor.Unit;
        if (!actor.IsDesk && (unit is null || !CoUnits.Contains(unit, StringComparer.Ordinal)))
        {
            return Problem.Forbidden("只有会办单位可以提出会办意见 / only a co-handling unit gives an opinion");
        }

        if (Status is not (ProposalStatus.Registered or ProposalStatus.Drafted))
        {
            return Problem.Conflict("答复已签发，不能再提会办意见 / the reply is signed off");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 5000)
        {
            return Problem.Invalid("text", "请填写会办意见（5000字以内） / the opinion, at most 5000 characters");
        }

        Opinions.Add(new ProposalOpinion { Unit = unit ?? "办公室", Text = text.Trim(), At = actor.Now, By = actor.Name });
        return null;
    }

    /// <summary>
    /// The lead unit (or the office) drafts the reply: its text, outcome class and the commitments it makes.
    /// A new draft replaces the old one and voids a sign-off; once replied, the letter stands.
    /// </summary>
    public Problem? Draft(string text, ProposalOutcome outcome, IReadOnlyList<ProposalCommitment> commitments, string? contactName, string? contactPhone, AppealActor actor)
    {
        if (!actor.IsDesk && actor.Unit != LeadUnit)
        {
            return Problem.Forbidden("只有主办单位可以拟写答复 / only the lead unit drafts the reply");
        }

        if (Status == ProposalStatus.Replied)
        {
            return Problem.Conflict("已答复，不能再修改答复 / already replied");
        }

        (ReplyText, Outcome, DraftedBy, ContactNameProtected, ContactPhoneProtected) = (text, outcome, actor.Name, contactName, contactPhone);
        (Status, SignedOffBy, SignedOffAt) = (ProposalStatus.Drafted, null, null);
        Commitments.Clear();
        Commitments.AddRange(commitments);
        return null;
    }

    /// <summary>The head signs the drafted reply off (签发): an official of the office, not the drafter's own unit account.</summary>
    public Problem? SignOff(AppealActor actor)
    {
        if (!actor.IsDesk)
        {
            return Problem.Forbidden("只有办公室负责人可以签发 / only the office signs off");
        }

        if (Status != ProposalStatus.Drafted)
        {
            return Problem.Conflict("没有待签发的答复 / there is no drafted reply to sign off");
        }

        (Status, SignedOffBy, SignedOffAt) = (ProposalStatus.SignedOff, actor.Name, actor.Now);
        return null;
    }

    /// <summary>The signed-off reply is sent and its disclosure recorded; a disclosed letter is in the library as <paramref name="documentId"/>.</summary>
    public Problem? Reply(DateOnly repliedOn, DisclosureMode disclosure, string? index, string? publisher, DateOnly? publishedOn, int? documentId, AppealActor actor)
    {
        if (WhyNotPublishable(actor, disclosure, index, publisher, publishedOn) is { } problem)
        {
            return problem;
        }

        (Status, RepliedOn, Disclosure, DisclosureIndex, Publisher, PublishedOn, ReplyDocumentId) =
            (ProposalStatus.Replied, repliedOn, disclosure, index?.Trim(), publisher?.Trim(), publishedOn, documentId);
        return null;
    }

    /// <summary>Whether the reply may be sent as asked: signed off, by the office, with a disclosure record when it is to be published.</summary>
    public Problem? WhyNotPublishable(AppealActor actor, DisclosureMode disclosure, string? index, string? publisher, DateOnly? publishedOn)
    {
        if (!actor.IsDesk)
        {
            return Problem.Forbidden("只有办公室可以发出答复 / only the office sends the reply");
        }

        if (Status != ProposalStatus.SignedOff)
        {
            return Problem.Conflict("答复尚未签发 / the reply is not signed off");
        }

        if (disclosure == DisclosureMode.NotDisclosed)
        {
            return null;
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(index) || index.Trim().Length > 60)
        {
            errors.Add(new("disclosureIndex", "公开的答复须有信息索引号 / a published reply needs its 信息索引号"));
        }

        if (string.IsNullOrWhiteSpace(publisher) || publisher.Trim().Length > 100)
        {
            errors.Add(new("publisher", "公开的答复须写明发布机构 / a published reply names its publisher"));
        }

        if (publishedOn is null)
        {
            errors.Add(new("publishedOn", "公开的答复须有公开日期 / a published reply has a publication date"));
        }

        return errors.Count > 0 ? Problem.Fields(errors) : null;
    }

    /// <summary>The proposer's satisfaction and the 面商 meeting, recorded by the office after the reply.</summary>
    public Problem? RecordFeedback(Satisfaction? satisfaction, DateOnly? metOn, string? note, AppealActor actor)
    {
        if (!actor.IsDesk)
        {
            return Problem.Forbidden("只有办公室可以登记代表委员的反馈 / only the office records the proposer's feedback");
        }

        if (Status != ProposalStatus.Replied)
        {
            return Problem.Conflict("答复发出后才能登记满意度 / record satisfaction after the reply");
        }

        if (metOn is { } day && day > WorkingCalendar.BeijingDay(actor.Now))
        {
            return Problem.Invalid("metOn", "面商日期不能晚于今天 / the meeting cannot be in the future");
        }

        (ProposerSatisfaction, MetOn, FeedbackNote) = (satisfaction, metOn, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return null;
    }
}
