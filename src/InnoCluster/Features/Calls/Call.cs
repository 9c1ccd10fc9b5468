using InnoCluster.Features.Calculator;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

public enum CallStatus
{
    /// <summary>Being written by the office; nobody else sees it.</summary>
    Draft,

    /// <summary>Public: applications are taken between its open and close times.</summary>
    Published,

    /// <summary>The proposed result is public (公示) and objections may be filed until its end.</summary>
    Publicity,

    /// <summary>The result is final.</summary>
    Decided,

    /// <summary>A past round known from the documents; its applications were not made on the platform.</summary>
    Recorded,

    Cancelled,
}

/// <summary>Where a call stands for a reader at a moment: derived from its status and its dates.</summary>
public enum CallPhase
{
    Draft,
    Upcoming,
    Open,
    Reviewing,
    Publicity,
    Decided,
    Recorded,
    Cancelled,
}

/// <summary>
/// A selection round (征集/遴选/评选/认定/揭榜/申报): who may apply (the calculator's conditions), what they
/// send (form fields and files), how it is scored (the rubric), when (Beijing-time dates), how many (quotas),
/// and who runs it. The rules of its calendar are here.
/// </summary>
public sealed class Call
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public CallKind Kind { get; set; }

    public CallProgramme Programme { get; set; }

    /// <summary>The programme's level when it is an upward one (国家/省), or the round's own (市).</summary>
    public string? Level { get; set; }

    public int? Year { get; set; }

    public int? Batch { get; set; }

    public string Summary { get; set; } = "";

    public string? ResponsibleUnit { get; set; }

    public List<EligibilityCondition> Conditions { get; set; } = [];

    public List<FormField> Fields { get; set; } = [];

    public List<RequiredAttachment> Attachments { get; set; } = [];

    public List<Criterion> Rubric { get; set; } = [];

    public DateTimeOffset? OpensAt { get; set; }

    public DateTimeOffset? ClosesAt { get; set; }

    public DateTimeOffset? ReviewBy { get; set; }

    /// <summary>How long the 公示 lasts, in days.</summary>
    public int PublicityDays { get; set; } = 7;

    public DateTimeOffset? PublicityFrom { get; set; }

    public DateTimeOffset? PublicityUntil { get; set; }

    public int? TotalQuota { get; set; }

    /// <summary>When set, each 板块 recommends its firms' applications within its quota before experts review them.</summary>
    public bool NeedsDistrictRecommendation { get; set; }

    public List<DistrictQuota> DistrictQuotas { get; set; } = [];

    public int ExpertsPerApplication { get; set; } = 5;

    /// <summary>Scores of one application further apart than this (points of 100) go to the panel.</summary>
    public decimal DivergenceThreshold { get; set; } = 20;

    public CallStatus Status { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>For a call known from the documents: the sentence that states it.</summary>
    public Provenance? Source { get; set; }

    public string? SeedKey { get; set; }

    public CallPhase PhaseAt(DateTimeOffset now) => Status switch
    {
        CallStatus.Draft => CallPhase.Draft,
        CallStatus.Published when OpensAt > now => CallPhase.Upcoming,
        CallStatus.Published when ClosesAt > now => CallPhase.Open,
        CallStatus.Published => CallPhase.Reviewing,
        CallStatus.Publicity => CallPhase.Publicity,
        CallStatus.Decided => CallPhase.Decided,
        CallStatus.Recorded => CallPhase.Recorded,
        _ => CallPhase.Cancelled,
    };

    public bool IsPublic => Status is not (CallStatus.Draft or CallStatus.Cancelled);

    public bool TakesApplicationsAt(DateTimeOffset now) => PhaseAt(now) == CallPhase.Open;

    /// <summary>Why the call cannot be published as it stands, field by field; empty when it can.</summary>
    public IReadOnlyList<FieldError> WhyNotPublishable()
    {
        var errors = new List<FieldError>();
        if (OpensAt is null || ClosesAt is null)
        {
            errors.Add(new("closesAt", "请填写申报开始和截止时间 / give the opening and closing times"));
        }
        else if (ClosesAt <= OpensAt)
        {
            errors.Add(new("closesAt", "截止时间须晚于开始时间 / the closing time must be after the opening time"));
        }

        if (ReviewBy is { } review && ClosesAt is { } closes && review < closes)
        {
            errors.Add(new("reviewBy", "评审时间须在截止之后 / the review comes after the close"));
        }

        if (Rubric.Count == 0)
        {
            errors.Add(new("rubric", "请设置评分标准 / set the scoring rubric"));
        }
        else if (Rubric.Sum(c => c.Weight) != 100)
        {
            errors.Add(new("rubric", $"评分权重合计须为100（现为{Rubric.Sum(c => c.Weight):0.##}） / the weights must sum to 100 (they sum to {Rubric.Sum(c => c.Weight):0.##})"));
        }

        if (NeedsDistrictRecommendation && DistrictQuotas.Count == 0)
        {
            errors.Add(new("districtQuotas", "需板块推荐时，请设置各板块名额 / set each 板块's quota when 板块 recommend"));
        }

        return errors;
    }

    public Problem? Publish(DateTimeOffset now)
    {
        if (Status != CallStatus.Draft)
        {
            return Problem.Conflict("只有草稿可以发布 / only a draft can be published");
        }

        if (WhyNotPublishable() is { Count: > 0 } errors)
        {
            return Problem.Fields(errors);
        }

        (Status, PublishedAt) = (CallStatus.Published, now);
        return null;
    }

    /// <summary>The 公示 starts once submissions are closed; it runs <see cref="PublicityDays"/> days.</summary>
    public Problem? StartPublicity(DateTimeOffset now)
    {
        if (Status != CallStatus.Published || PhaseAt(now) != CallPhase.Reviewing)
        {
            return Problem.Conflict("申报截止后、结果公布前才能公示 / the 公示 comes after the close and before the result");
        }

        (Status, PublicityFrom, PublicityUntil) = (CallStatus.Publicity, now, now.AddDays(PublicityDays));
        return null;
    }

    public bool TakesObjectionsAt(DateTimeOffset now) => Status == CallStatus.Publicity && now < PublicityUntil;

    /// <summary>A decision changed during the 公示 (after an upheld objection) changes the list: the new list runs its full period from now.</summary>
    public void ListChangedDuringPublicity(DateTimeOffset now)
    {
        if (Status == CallStatus.Publicity)
        {
            (PublicityFrom, PublicityUntil) = (now, now.AddDays(PublicityDays));
        }
    }

    public Problem? Decide(DateTimeOffset now, int unansweredObjections)
    {
        if (Status != CallStatus.Publicity)
        {
            return Problem.Conflict("结果须先经公示 / the result is published after its 公示");
        }

        if (now < PublicityUntil)
        {
            return Problem.Conflict($"公示期至 {CallTime.Written(PublicityUntil!.Value)} 结束 / the 公示 runs until {CallTime.Written(PublicityUntil!.Value)} (Beijing time)");
        }

        if (unansweredObjections > 0)
        {
            return Problem.Conflict($"还有 {unansweredObjections} 件异议未答复 / {unansweredObjections} objections are not answered yet");
        }

        (Status, DecidedAt) = (CallStatus.Decided, now);
        return null;
    }

    public int? QuotaOf(int? districtId) => districtId is { } id ? DistrictQuotas.FirstOrDefault(q => q.DistrictId == id)?.Quota : null;
}
