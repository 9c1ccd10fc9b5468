using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>A co-handling unit's opinion (会办意见) on a proposal, attached to the lead unit's reply.</summary>
public sealed class ProposalOpinion
{
    public int Id { get; set; }

    public int ProposalId { get; set; }

    public string Unit { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = "";
}

public enum CommitmentStatus
{
    /// <summary>Nothing reported yet: its state is not known.</summary>
    Unknown = 0,

    InProgress = 1,

    Done = 2,
}

/// <summary>
/// What a reply promises to do (a "下一步" item), tracked as a task: the unit that carries it out and its
/// deadline (either may be unknown until the office sets it), and the progress reports its unit files.
/// </summary>
public sealed class ProposalCommitment
{
    public const int MaxText = 5000;

    public int Id { get; set; }

    public int ProposalId { get; set; }

    public int Number { get; set; }

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public string? Unit { get; set; }

    public DateOnly? DueOn { get; set; }

    public CommitmentStatus Status { get; set; }

    /// <summary>For a seeded commitment: the sentence of the source it was read from.</summary>
    public string? Quote { get; set; }

    public List<CommitmentReport> Reports { get; set; } = [];

    public bool IsOverdue(DateOnly today) => Status != CommitmentStatus.Done && DueOn is { } due && today > due;

    /// <summary>The office names (or changes) the unit and the deadline.</summary>
    public Problem? Assign(string? unit, DateOnly? dueOn, AppealActor actor)
    {
        if (!actor.IsDesk)
        {
            return Problem.Forbidden("只有办公室可以指定承办单位和期限 / only the office assigns a commitment");
        }

        if (unit is { Length: > 100 })
        {
            return Problem.Invalid("unit", "单位名称过长 / the unit's name is too long");
        }

        (Unit, DueOn) = (string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), dueOn);
        return null;
    }

    /// <summary>The commitment's unit (or the office for it) reports progress; a report that it is done closes it, a later one can reopen it.</summary>
    public Problem? Report(string? text, bool done, AppealActor actor)
    {
        if (!actor.IsDesk && (actor.Unit is null || actor.Unit != Unit))
        {
            return Problem.Forbidden("只有承办单位可以报告进展 / only the commitment's unit reports on it");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxText)
        {
            return Problem.Invalid("text", $"请填写进展情况（{MaxText}字以内） / the progress, at most {MaxText} characters");
        }

        Status = done ? CommitmentStatus.Done : CommitmentStatus.InProgress;
        Reports.Add(new CommitmentReport { Unit = actor.IsDesk ? Unit ?? "办公室" : actor.Unit!, Text = text.Trim(), Done = done, At = actor.Now, By = actor.Name });
        return null;
    }
}

/// <summary>One progress report on a commitment; reports are added, never overwritten.</summary>
public sealed class CommitmentReport
{
    public int Id { get; set; }

    public int CommitmentId { get; set; }

    public string Unit { get; set; } = "";

    public string Text { get; set; } = "";

    public bool Done { get; set; }

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = "";
}
