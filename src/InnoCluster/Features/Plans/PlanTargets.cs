using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>Targets with their latest value (computed now, or the newest report) and the status the rule gives.</summary>
public sealed class PlanTargets(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record SourceDto(string Kind, int? DocumentId, string? Quote, string? Note, DateOnly? Date);

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
        string? Indicator,
        decimal? LatestValue,
        DateOnly? LatestOn,
        TargetStatus Status,
        string StatusLabel,
        bool Proposed,
        IReadOnlyList<SourceDto> Sources);

    public sealed record IndicatorRequest(string? Computed);

    /// <summary>A reported value: <c>value</c> as written with its unit ("2300亿元", "39家"), date, and source.</summary>
    public sealed record ObservationRequest(string? Value, DateOnly? ObservedOn, int? DocumentId, string? Quote, string? Note);

    public async Task<IReadOnlyList<TargetDto>?> ForPlanAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Set<ActionPlan>().AsNoTracking().Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var ids = plan.Targets.Select(t => t.Id).ToList();
        var observations = (await db.Set<IndicatorObservation>().AsNoTracking().Where(o => ids.Contains(o.TargetId)).ToListAsync(cancellationToken))
            .GroupBy(o => o.TargetId).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id).ToList());
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var result = new List<TargetDto>();
        foreach (var target in plan.Targets.OrderBy(t => t.Order))
        {
            var sources = new List<SourceDto> { new("target", plan.DocumentId, target.Sentence, null, null) };
            decimal? latest = null;
            DateOnly? latestOn = null;
            string? indicator = null;
            if (ComputedIndicators.TryParse(target.ComputedIndicator, out var tiers))
            {
                latest = await ComputedIndicators.ValueAsync(db, tiers, cancellationToken);
                latestOn = today;
                indicator = ComputedIndicators.Describe(tiers);
                sources.Add(new SourceDto("registry", null, null, indicator, today));
            }
            else if (observations.TryGetValue(target.Id, out var reported))
            {
                latest = reported[0].Value;
                latestOn = reported[0].ObservedOn;
                indicator = "报告值";
                sources.AddRange(reported.Select(o => new SourceDto("report", o.DocumentId, o.Quote, o.Note, o.ObservedOn)));
            }

            var status = TargetStatusRule.Evaluate(target.TargetValue, target.UpperValue, target.Qualifier, target.Period, plan.StartYear, target.Deadline, latest, latestOn, today);
            result.Add(new TargetDto(target.Id, target.Name, target.TargetValue, target.UpperValue, target.Unit, target.Qualifier, target.Text, target.Deadline, target.Period,
                indicator, latest, latestOn, status, TargetStatusRule.Chinese(status), target.Proposed, sources));
        }

        return result;
    }

    public async Task<(bool Found, string? Problem)> SetIndicatorAsync(int targetId, IndicatorRequest request, CancellationToken cancellationToken)
    {
        var target = await db.Set<PlanTarget>().SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return (false, null);
        }

        if (request.Computed is not null && !ComputedIndicators.TryParse(request.Computed, out _))
        {
            return (true, $"未知的计算指标 \"{request.Computed}\" (computed: tiers:KEY[,KEY…], e.g. tiers:listed,unicorn)");
        }

        if (request.Computed is not null && target.Unit is not ("家" or "个"))
        {
            return (true, $"登记库计数的单位是“家”，目标的单位是“{target.Unit}” (a registry count cannot measure a target in {target.Unit})");
        }

        target.ComputedIndicator = request.Computed;
        await db.SaveChangesAsync(cancellationToken);
        return (true, null);
    }

    /// <summary>
    /// Adds a reported value. The value is read with its unit (万/亿 parsed once, in the text library); a value
    /// in another unit than the target's is refused, a date in the future too. Reports are never overwritten:
    /// a later report for the same date stands beside the earlier one, newest first.
    /// </summary>
    public async Task<(bool Found, Dictionary<string, string[]> Problems)> ObserveAsync(int targetId, ObservationRequest request, string recordedBy, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var target = await db.Set<PlanTarget>().SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return (false, problems);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Quantity? quantity = null;
        if (string.IsNullOrWhiteSpace(request.Value) || !QuantityParser.TryParse(request.Value, out quantity))
        {
            problems["value"] = [$"无法读取“{request.Value}”：请写数值和单位，如 2300亿元、39家 (value: a figure with its unit)"];
        }
        else if (quantity.Unit.Length == 0)
        {
            problems["value"] = [$"“{request.Value}”没有单位，请写明 {target.Unit}（如 2300亿元） (value: write the unit)"];
        }
        else if (quantity.Unit != target.Unit)
        {
            problems["value"] = [$"单位“{quantity.Unit}”与目标单位“{target.Unit}”不一致 (unit {quantity.Unit} does not match the target's {target.Unit})"];
        }
        else if (target.TargetValue > 0 && (quantity.Value * 1000 < target.TargetValue || quantity.Value > target.TargetValue * 1000))
        {
            // 2300万元 against a 2500亿元 target is almost surely 2300亿元 written with the wrong magnitude.
            problems["value"] = [$"“{request.Value}”与目标 {target.Text} 相差千倍以上，请检查万/亿 (value is over 1000× off the target: check 万 and 亿)"];
        }

        if (request.ObservedOn is not { } on)
        {
            problems["observedOn"] = ["日期必填 (observedOn is required)"];
        }
        else if (on > today)
        {
            problems["observedOn"] = [$"日期 {on:yyyy-MM-dd} 在未来 (observedOn is in the future)"];
        }

        if (request.DocumentId is { } documentId && !await db.Set<Documents.Document>().AnyAsync(d => d.Id == documentId, cancellationToken))
        {
            problems["documentId"] = [$"文档 {documentId} 不存在 (no such document)"];
        }

        if (problems.Count > 0)
        {
            return (true, problems);
        }

        db.Add(new IndicatorObservation
        {
            TargetId = targetId,
            ObservedOn = request.ObservedOn!.Value,
            Value = quantity!.Value,
            Qualifier = quantity.Qualifier,
            DocumentId = request.DocumentId,
            Quote = request.Quote?.Trim(),
            Note = request.Note?.Trim(),
            RecordedBy = recordedBy,
            RecordedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (true, problems);
    }
}
