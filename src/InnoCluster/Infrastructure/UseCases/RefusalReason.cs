namespace InnoCluster.Infrastructure.UseCases;

/// <summary>
/// The one rule for the reason a refusal gives (a rejected claim, fact change or record, a record ended, an application returned for
/// correction): it must be written, since the person refused reads it, and fit its column once trimmed.
/// </summary>
public static class RefusalReason
{
    public const int MaxLength = 500;

    /// <summary>Why the reason will not do, or null; <paramref name="actZh"/>/<paramref name="actEn"/> name the refusal, <paramref name="readerZh"/>/<paramref name="readerEn"/> who reads it.</summary>
    public static Problem? Check(string? reason, (string Zh, string En) act, (string Zh, string En) reader, int maxLength = MaxLength) =>
        string.IsNullOrWhiteSpace(reason) ? Problem.Invalid("reason", $"{act.Zh}须说明理由，{reader.Zh}会看到 / {act.En} needs a reason, which {reader.En} will read")
        : reason.Trim().Length > maxLength ? Problem.Invalid("reason", $"理由不超过 {maxLength} 字 / the reason is at most {maxLength} characters")
        : null;
}
