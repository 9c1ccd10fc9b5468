using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>Targets with their latest value (computed now, or the newest report) and the status the rule gives.</summary>
public sealed class PlanTargets(InnoClusterDbContext db, TimeProvider clock, Documents.GetDocument documents, IndicatorCounter counter)
{
    /// <summary>
    /// Where a figure comes from: the plan's sentence (kind "target"), a document's sentence or a progress
    /// report ("report"), or a live count ("computed"); <c>link</c> opens it — for a document, at the sentence.
    /// </summary>
    public sealed record SourceDto(string Kind, int? DocumentId, string? Quote, string? Note, DateOnly? Date, decimal? Value, string? Link);

    public sealed record TargetDto(
        int Id,
        string Name,
        decimal TargetValue,
        decimal? UpperValue,
        string Unit,
        Qualifier Qualifier,
        string TargetText,
        int? Deadline,
        TargetPeriod Period,
        string? Task,
        string? Indicator,
        decimal? LatestValue,
        DateOnly? LatestOn,
        decimal? Progress,
        decimal? TimeElapsed,
        TargetStatus Status,
        string StatusLabel,
        bool Proposed,
        IReadOnlyList<SourceDto> Sources);

    public sealed record IndicatorRequest(string? Computed);

    /// <summary>A reported value: <c>value</c> as written with its unit ("2300亿元", "39家"), date, and source.</summary>
    public sealed record ObservationRequest(string? Value, DateOnly? ObservedOn, int? DocumentId, string? Quote, string? Note);

    public static string SentenceLink(int documentId, int? start, int? end) =>
        start is { } s ? $"/documents/{documentId}?s={s}&e={end ?? s}#s-{s}" : $"/documents/{documentId}";

    /// <summary>
    /// The plan's targets with their values and statuses today, or as they stood on <paramref name="asOf"/>: only
    /// values observed by then count, computed indicators count what had happened by then, and the status
    /// rule judges against that date.
    /// </summary>
    public async Task<IReadOnlyList<TargetDto>?> ForPlanAsync(int planId, CancellationToken cancellationToken, DateOnly? asOf = null, int? onlyTarget = null)
    {
        var plan = await db.Set<ActionPlan>().AsNoTracking().Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        if (onlyTarget is { } only)
        {
            plan.Targets.RemoveAll(t => t.Id != only); // one target's page: no counts for the others
        }

        var ids = plan.Targets.Select(t => t.Id).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (asOf is { } past && past < today)
        {
            today = past;
        }

        var observations = (await db.Set<IndicatorObservation>().AsNoTracking().Where(o => ids.Contains(o.TargetId) && o.ObservedOn <= today).ToListAsync(cancellationToken))
            .GroupBy(o => o.TargetId).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id).ToList());
        var reportTasks = await db.Set<TaskReport>().AsNoTracking()
            .Where(r => db.Set<IndicatorObservation>().Any(o => o.ReportId == r.Id && ids.Contains(o.TargetId)))
            .ToDictionaryAsync(r => r.Id, r => r.TaskId, cancellationToken);
        var tasks = await db.Set<PlanTask>().AsNoTracking().Where(t => t.PlanId == planId).ToDictionaryAsync(t => t.Id, t => t.Code, cancellationToken);
        var historical = today < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var computed = new Dictionary<string, decimal>(StringComparer.Ordinal); // one count per distinct spec, however many targets use it
        var result = new List<TargetDto>();
        foreach (var target in plan.Targets.OrderBy(t => t.Order))
        {
            var sources = new List<SourceDto> { new("target", plan.DocumentId, target.Sentence, null, null, null, SentenceLink(plan.DocumentId, target.SentenceStart, target.SentenceStart + target.Sentence.Length)) };
            decimal? latest = null;
            DateOnly? latestOn = null;
            string? indicator = null;
            if (ComputedIndicator.TryParse(target.ComputedIndicator, out var spec))
            {
                if (!computed.TryGetValue(spec.Spec, out var value))
                {
                    computed[spec.Spec] = value = await counter.ValueAsync(spec, historical ? today : null, cancellationToken);
                }

                latest = value;
                latestOn = today;
                indicator = spec.Describe(historical ? today : null);
                sources.Add(new SourceDto("computed", null, null, indicator, today, value, spec.Link));
            }

            if (observations.TryGetValue(target.Id, out var reported))
            {
                if (latest is null)
                {
                    latest = reported[0].Value;
                    latestOn = reported[0].ObservedOn;
                    indicator = "报告值";
                }

                sources.AddRange(reported.Select(o => new SourceDto("report", o.DocumentId, o.Quote, o.Note, o.ObservedOn, o.Value,
                    o.DocumentId is { } d ? SentenceLink(d, o.QuoteStart, o.QuoteEnd)
                    : o.ReportId is { } r && reportTasks.TryGetValue(r, out var taskId) ? $"/plans/tasks/{taskId}#report-{r}"
                    : null)));
            }

            var status = TargetStatusRule.Evaluate(target.TargetValue, target.UpperValue, target.Qualifier, target.Period, plan.StartYear, target.Deadline, latest, latestOn, today);
            decimal? progress = latest is { } l && target.TargetValue > 0 ? Math.Round(l / target.TargetValue, 4) : null;
            decimal? elapsed = latestOn is { } on && target.Period != TargetPeriod.Annual ? TargetStatusRule.Elapsed(plan.StartYear, target.Deadline, on) : null;
            result.Add(new TargetDto(target.Id, target.Name, target.TargetValue, target.UpperValue, target.Unit, target.Qualifier, target.Text, target.Deadline, target.Period,
                target.TaskId is { } t && tasks.TryGetValue(t, out var code) ? code : null,
                indicator, latest, latestOn, progress, elapsed is { } e ? Math.Round(e, 4) : null, status, TargetStatusRule.Chinese(status), target.Proposed, sources));
        }

        return result;
    }

    public async Task<Result> SetIndicatorAsync(int targetId, IndicatorRequest request, CancellationToken cancellationToken)
    {
        var target = await db.Set<PlanTarget>().SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return Problem.NotFound();
        }

        if (request.Computed is not null && !ComputedIndicator.TryParse(request.Computed, out _))
        {
            return Problem.Invalid("computed", $"未知的计算指标 \"{request.Computed}\" (computed: one of {string.Join(", ", ComputedIndicator.Examples)}; tiers: takes any tier keys, @ a chain node code)");
        }

        if (ComputedIndicator.TryParse(request.Computed, out var spec) && spec.Node is { } node && node != ComputedIndicator.AnyNode
            && (await counter.NodeIdsAsync(spec, cancellationToken) is not { Count: > 0 }))
        {
            return Problem.Invalid("computed", $"未知产业链环节 \"{node}\" (no chain node with that code; see /chain)");
        }

        if (request.Computed is not null && target.Unit is not ("家" or "个"))
        {
            return Problem.Invalid("computed", $"计算指标是计数（家/个），目标的单位是“{target.Unit}” (a count cannot measure a target in {target.Unit})");
        }

        target.ComputedIndicator = request.Computed;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>
    /// Adds a reported value. The value is read with its unit (万/亿 parsed once, in the text library); a value
    /// in another unit than the target's is refused, a date in the future too. Reports are never overwritten:
    /// a later report for the same date stands beside the earlier one, newest first.
    /// </summary>
    public async Task<Result> ObserveAsync(int targetId, ObservationRequest request, string recordedBy, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var target = await db.Set<PlanTarget>().SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return Problem.NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (ReadValue(target, request.Value, out var quantity) is { } valueProblem)
        {
            problems["value"] = [valueProblem];
        }

        if (request.ObservedOn is not { } on)
        {
            problems["observedOn"] = ["日期必填 (observedOn is required)"];
        }
        else if (on > today)
        {
            problems["observedOn"] = [$"日期 {on:yyyy-MM-dd} 在未来 (observedOn is in the future)"];
        }

        (int DocumentId, int? SentenceStart, int? QuoteEnd)? located = null;
        if (request.DocumentId is { } documentId)
        {
            // A reported figure is traceable to its sentence: the quote must stand in the document's text.
            located = await documents.LocateAsync(documentId, request.Quote, cancellationToken);
            if (located is null)
            {
                problems["documentId"] = [$"文档 {documentId} 不存在 (no such document)"];
            }
            else if (!string.IsNullOrWhiteSpace(request.Quote) && located.Value.SentenceStart is null)
            {
                problems["quote"] = [$"文档 {documentId} 中找不到引文“{Shorten(request.Quote)}” (the quote is not in the document's text)"];
            }
        }

        if (problems.Count > 0)
        {
            return Problem.Fields(problems);
        }

        db.Add(new IndicatorObservation
        {
            TargetId = targetId,
            ObservedOn = request.ObservedOn!.Value,
            Value = quantity!.Value,
            Qualifier = quantity.Qualifier,
            DocumentId = request.DocumentId,
            Quote = request.Quote?.Trim(),
            QuoteStart = located?.SentenceStart,
            QuoteEnd = located?.QuoteEnd,
            Note = request.Note?.Trim(),
            RecordedBy = recordedBy,
            RecordedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>
    /// Reads a reported figure with its unit (万/亿 parsed once, in the text library). A value in another unit
    /// than the target's, or over a thousand times off it (2300万元 for a 2500亿元 target: almost surely 亿
    /// written as 万), is refused with the reason.
    /// </summary>
    public static string? ReadValue(PlanTarget target, string? text, out Quantity? quantity)
    {
        quantity = null;
        if (string.IsNullOrWhiteSpace(text) || !QuantityParser.TryParse(text, out var parsed))
        {
            return $"无法读取“{text}”：请写数值和单位，如 2300亿元、39家 (value: a figure with its unit)";
        }

        if (parsed.Unit.Length == 0)
        {
            return $"“{text}”没有单位，请写明 {target.Unit}（如 2300亿元） (value: write the unit)";
        }

        if (parsed.Unit != target.Unit)
        {
            return $"单位“{parsed.Unit}”与目标单位“{target.Unit}”不一致 (unit {parsed.Unit} does not match the target's {target.Unit})";
        }

        if (target.TargetValue > 0 && (parsed.Value * 1000 < target.TargetValue || parsed.Value > target.TargetValue * 1000))
        {
            return $"“{text}”与目标 {target.Text} 相差千倍以上，请检查万/亿 (value is over 1000× off the target: check 万 and 亿)";
        }

        quantity = parsed;
        return null;
    }
}
