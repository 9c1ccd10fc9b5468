namespace InnoCluster.Infrastructure.UseCases;

/// <summary>Why a use case did not do what was asked, in the terms HTTP later maps to a status.</summary>
public enum ProblemKind
{
    /// <summary>The request is wrong: a field is missing or out of range (400).</summary>
    Invalid,

    /// <summary>The caller may not do this to this object (403).</summary>
    Forbidden,

    /// <summary>No such object, or none the caller may see (404).</summary>
    NotFound,

    /// <summary>The object's state does not allow it now (409).</summary>
    Conflict,

    /// <summary>Well-formed, but the content cannot be used (422).</summary>
    Unprocessable,

    /// <summary>Too large (413).</summary>
    TooLarge,

    /// <summary>A kind of content that is not accepted here (415).</summary>
    Unsupported,
}

/// <summary>A problem with one field of a request, said so a person can fix it.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// One refusal: its kind, a message a person can act on, and the field it concerns when there is one (or,
/// for a form with several wrong fields, every field's messages in <see cref="Errors"/>).
/// </summary>
public sealed record Problem(ProblemKind Kind, string Message, string? Field = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>Every field's problems at once (a form checked as a whole).</summary>
    public static Problem Fields(IEnumerable<FieldError> errors)
    {
        var grouped = errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return new Problem(ProblemKind.Invalid, string.Join("; ", grouped.SelectMany(g => g.Value)), grouped.Count == 1 ? grouped.Keys.First() : null, grouped);
    }

    /// <summary>Every field's problems at once, already grouped by field.</summary>
    public static Problem Fields(IReadOnlyDictionary<string, string[]> errors) =>
        Fields(errors.SelectMany(e => e.Value.Select(m => new FieldError(e.Key, m))));

    /// <summary>The messages by field, for forms and validation problem details.</summary>
    public IReadOnlyDictionary<string, string[]> ByField => Errors ?? new Dictionary<string, string[]> { [Field ?? ""] = [Message] };

    /// <summary>The same, one error per message in the reader's language, for forms that list them.</summary>
    public IReadOnlyList<FieldError> AsFieldErrors() => [.. ByField.SelectMany(f => f.Value.Select(m => new FieldError(f.Key, Bilingual.ForReader(m))))];

    /// <summary>The message in the reader's language (each field's, for a form checked as a whole).</summary>
    public string Text => Errors is { } errors ? string.Join("; ", errors.SelectMany(e => e.Value).Select(Bilingual.ForReader)) : Bilingual.ForReader(Message);

    public static Problem Invalid(string field, string message) => new(ProblemKind.Invalid, message, field);

    public static Problem Forbidden(string message) => new(ProblemKind.Forbidden, message);

    public static Problem NotFound(string message = "未找到 / not found") => new(ProblemKind.NotFound, message);

    public static Problem Conflict(string message) => new(ProblemKind.Conflict, message);
}

/// <summary>What a use case returns: its value, or the problem that stopped it.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Problem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public Problem? Problem { get; }

    public bool Succeeded => Problem is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Problem problem) => new(default, problem);
}

/// <summary>A use case that returns nothing when it succeeds.</summary>
public readonly record struct Result
{
    private Result(Problem? problem) => Problem = problem;

    public Problem? Problem { get; }

    public bool Succeeded => Problem is null;

    public static Result Ok() => new(null);

    public static Result Fail(Problem problem) => new(problem);

    public static implicit operator Result(Problem problem) => Fail(problem);
}
