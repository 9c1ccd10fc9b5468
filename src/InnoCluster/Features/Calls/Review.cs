using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

public enum AssignmentStatus
{
    Assigned,

    /// <summary>The expert stepped aside (declared, or found by the office afterwards); the reason is kept.</summary>
    Recused,

    Scored,
}

/// <summary>One expert on one application: assigned, recused or scored; the scores are kept as revisions, never overwritten.</summary>
public sealed class ReviewAssignment
{
    public int Id { get; set; }

    public int CallId { get; set; }

    public int ApplicationId { get; set; }

    public int ExpertId { get; set; }

    public AssignmentStatus Status { get; set; }

    public int Fit { get; set; }

    public DateTimeOffset AssignedAt { get; set; }

    public string? RecusalReason { get; set; }

    public List<ScoreSheet> Sheets { get; set; } = [];

    public ScoreSheet? Latest => Sheets.OrderByDescending(s => s.Revision).FirstOrDefault();

    public Problem? Recuse(string? reason)
    {
        if (Status == AssignmentStatus.Recused)
        {
            return Problem.Conflict("已回避 / already recused");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Problem.Invalid("reason", "请说明回避理由 / say why you step aside");
        }

        (Status, RecusalReason) = (AssignmentStatus.Recused, reason.Trim());
        return null;
    }

    /// <summary>Scores on the rubric: every criterion, each within its scale; a new revision when scored before.</summary>
    public Problem? Score(IReadOnlyList<Criterion> rubric, IReadOnlyDictionary<string, decimal> scores, string? comment, DateTimeOffset now)
    {
        if (Status == AssignmentStatus.Recused)
        {
            return Problem.Conflict("已回避的专家不能评分 / a recused expert does not score");
        }

        var errors = new List<FieldError>();
        foreach (var criterion in rubric)
        {
            if (!scores.TryGetValue(criterion.Key, out var score))
            {
                errors.Add(new($"scores.{criterion.Key}", $"请为“{criterion.Label}”打分 / score “{criterion.Label}”"));
            }
            else if (score < 0 || score > criterion.Max)
            {
                errors.Add(new($"scores.{criterion.Key}", $"“{criterion.Label}”的分值为0至{criterion.Max:0.##} / “{criterion.Label}” is scored 0 to {criterion.Max:0.##}"));
            }
        }

        errors.AddRange(scores.Keys.Where(k => rubric.All(c => c.Key != k)).Select(k => new FieldError($"scores.{k}", $"评分标准中没有“{k}” / the rubric has no “{k}”")));
        if (comment is { Length: > 2000 })
        {
            errors.Add(new("comment", "评语不超过2000字 / at most 2000 characters"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        var total = Math.Round(rubric.Sum(c => c.Weight * scores[c.Key] / c.Max), 2);
        Sheets.Add(new ScoreSheet { Revision = Sheets.Count + 1, Scores = [.. rubric.Select(c => new CriterionScore(c.Key, scores[c.Key]))], Total = total, Comment = comment?.Trim(), At = now });
        Status = AssignmentStatus.Scored;
        return null;
    }
}

public sealed record CriterionScore(string Key, decimal Score);

/// <summary>One revision of an expert's scores: the criteria, the weighted total of 100, the comment.</summary>
public sealed class ScoreSheet
{
    public long Id { get; set; }

    public int AssignmentId { get; set; }

    public int Revision { get; set; }

    public List<CriterionScore> Scores { get; set; } = [];

    public decimal Total { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset At { get; set; }
}
