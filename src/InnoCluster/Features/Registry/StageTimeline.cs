using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Registry;

/// <summary>A stage reached on a day, or in a year when only the year is known.</summary>
public readonly record struct DatedStage<TStage>(TStage Stage, DateOnly? Day, int Year)
    where TStage : struct, Enum
{
    /// <summary>Whether this certainly happened before <paramref name="other"/> (by day when both have one, else by year).</summary>
    public bool Before(DatedStage<TStage> other) => Day is { } x && other.Day is { } y ? x < y : Year < other.Year;

    /// <summary>Whether it had happened by <paramref name="day"/> (by the day, or by the year when only the year is known).</summary>
    public bool By(DateOnly day) => Day is { } on ? on <= day : Year <= day.Year;
}

/// <summary>
/// The rule of a timeline of stages, written once for carriers (筹建 → 建成 → 认定 → 撤销) and investment
/// projects (接洽 → 签约 → 开工 → 投产, or 终止): each stage once, with a day or a year, never in the future;
/// stages may be skipped but keep their order in time; nothing after the final stage.
/// </summary>
public static class StageTimeline
{
    public static Problem? Check<TStage>(IReadOnlyCollection<DatedStage<TStage>> recorded, TStage stage, DateOnly? on, int? year, TStage final, DateOnly today, (string Chinese, string English) order)
        where TStage : struct, Enum
    {
        var errors = EnterpriseRecord.CheckDates(year, on, null, today).ToList();
        if (on is null && year is null)
        {
            errors.Add(new("year", "请填写年份或日期 / year or date: one is required"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        if (recorded.Any(s => EqualityComparer<TStage>.Default.Equals(s.Stage, stage)))
        {
            return Problem.Conflict($"该阶段已记录 / this stage is already recorded ({stage})");
        }

        var compare = Comparer<TStage>.Default;
        var when = new DatedStage<TStage>(stage, on, year ?? on!.Value.Year);
        return recorded.Any(s => EqualityComparer<TStage>.Default.Equals(s.Stage, final))
            || recorded.Any(s => (compare.Compare(s.Stage, stage) < 0 && when.Before(s)) || (compare.Compare(s.Stage, stage) > 0 && s.Before(when)))
            ? Problem.Invalid("on", $"阶段的时间顺序不对（{order.Chinese}） / stages must follow one another in time ({order.English})")
            : null;
    }
}

/// <summary>The source an official gives for a stage — required, with an optional quote and link — checked once for carriers and projects.</summary>
public static class StageSource
{
    public static Result<Provenance> Read(string? source, string? quote, string? locator, DateOnly today, string examples)
    {
        if (string.IsNullOrWhiteSpace(source) || source.Trim().Length > 300 || quote is { Length: > 4000 } || locator is { Length: > 300 })
        {
            return Problem.Invalid("source", $"请写明来源（{examples}），不超过300字；原文摘录不超过4000字 / source: required, at most 300 characters; quote at most 4000");
        }

        return new Provenance
        {
            Kind = ProvenanceKind.Manual, Source = source.Trim(), SourceDate = today,
            Quote = string.IsNullOrWhiteSpace(quote) ? null : quote.Trim(), Locator = string.IsNullOrWhiteSpace(locator) ? null : locator.Trim(),
        };
    }
}
