using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>An objection (异议) to a 公示, filed by anyone during its period, answered by the office.</summary>
public sealed class Objection
{
    public int Id { get; set; }

    public int CallId { get; set; }

    /// <summary>The application objected to, when it names one.</summary>
    public int? ApplicationId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Who filed it and how to reach them, encrypted at rest (an objection is filed in one's own name).</summary>
    public string FiledByProtected { get; set; } = "";

    public string? ContactProtected { get; set; }

    public string? FiledById { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    public string? Answer { get; set; }

    public bool? Upheld { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    public string? AnsweredById { get; set; }

    public Problem? Reply(string? answer, bool upheld, DateTimeOffset now, CallActor actor)
    {
        if (Answer is not null)
        {
            return Problem.Conflict("异议已答复 / the objection is answered");
        }

        if (string.IsNullOrWhiteSpace(answer) || answer.Trim().Length > 5000)
        {
            return Problem.Invalid("answer", "请填写答复（5000字以内） / the answer, at most 5000 characters");
        }

        (Answer, Upheld, AnsweredAt, AnsweredBy, AnsweredById) = (answer.Trim(), upheld, now, actor.Name, actor.UserId);
        return null;
    }
}
