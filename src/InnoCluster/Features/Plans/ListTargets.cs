using InnoCluster.Infrastructure.Web;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>A plan's targets with their latest value (computed now, or the newest report) and the status the rule gives.</summary>
public sealed class ListTargets(InnoClusterDbContext db, TimeProvider clock, IndicatorCounter counter)
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

    public static string SentenceLink(int documentId, int? start, int? end) => DocumentLinks.At(documentId, start, end ?? start);

    /// <summary>
    /// The plan's targets with their values and statuses today, or as they stood on <paramref name="asOf"/>: only
    /// values observed by then count, computed indicators count what had happened by then, and the status
    /// rule judges against that date.
    /// </summary>
    public async Task<IReadOnlyList<TargetDto>?> RunAsync(int planId, CancellationToken cancellationToken, DateOnly? asOf = null, int? onlyTarget = null)
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
        var today = InnoCluster.Infrastructure.BeijingTime.Today(clock);
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
        var historical = today < InnoCluster.Infrastructure.BeijingTime.Today(clock);
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
                // A yearly target counts what happened in the year so far: the count now less the count at the end of the year before.
                var yearly = target.Period == TargetPeriod.Annual && spec.CountsEvents;
                var key = (yearly ? "year:" : "") + spec.Spec;
                if (!computed.TryGetValue(key, out var value))
                {
                    computed[key] = value = await counter.ValueAsync(spec, historical ? today : null, cancellationToken)
                        - (yearly ? await counter.ValueAsync(spec, new DateOnly(today.Year - 1, 12, 31), cancellationToken) : 0);
                }

                latest = value;
                latestOn = today;
                var node = await counter.NodeAsync(spec, cancellationToken);
                indicator = spec.Describe(historical ? today : null, node?.Name, node?.NameEn) + (yearly ? Ui.L($"（{today.Year}年内）", $" (in {today.Year})") : "");
                sources.Add(new SourceDto("computed", null, null, indicator, today, value, spec.Link));
            }

            if (observations.TryGetValue(target.Id, out var reported))
            {
                if (latest is null)
                {
                    latest = reported[0].Value;
                    latestOn = reported[0].ObservedOn;
                    indicator = Ui.L("报告值", "Reported values");
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
}
