using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// Reads a plan document's targets, actions and tasks into an action plan, as proposals for an official to
/// review (replacing the proposals of an earlier reading, never what was confirmed). A document with neither
/// dated targets nor "(一)…行动" actions is refused (422): there is no plan to propose.
/// </summary>
public sealed class ImportPlan(InnoClusterDbContext db, TimeProvider clock, IDocumentLibrary documents)
{
    public sealed record Imported(int Id, string Title, int? StartYear, int? EndYear, int Targets, int Actions, int Tasks);

    public async Task<Result<Imported>> RunAsync(int documentId, CancellationToken cancellationToken)
    {
        if (await documents.TextAsync(documentId, cancellationToken) is not { } document)
        {
            return Problem.NotFound("没有这份文档 / no such document");
        }

        var text = document.Text;
        var period = PlansFeature.PeriodPattern().Match(TextNormalizer.Normalize(document.Title));
        int? start = period.Success ? int.Parse(period.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        int? end = period.Success ? int.Parse(period.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var plan = await db.Set<ActionPlan>().Include(p => p.Targets).SingleOrDefaultAsync(p => p.DocumentId == documentId, cancellationToken);
        if (plan is null)
        {
            if (PlanTargetExtractor.Extract(text, document.Year ?? start, end).Count == 0 && PlanStructureExtractor.Extract(text).Count == 0)
            {
                return new Problem(ProblemKind.Unprocessable, $"“{document.Title}”中没有找到目标或行动，不能作为行动计划导入 (no targets or actions found in the document)");
            }

            plan = new ActionPlan { DocumentId = documentId, CreatedAt = clock.GetUtcNow() };
            db.Add(plan);
        }

        plan.Title = document.Title;
        plan.StartYear = start;
        plan.EndYear = end;
        // Reading the document again updates the proposals in place (matched by figure and sentence), so their
        // reported values stay attached; a proposal the text no longer yields goes only if nothing hangs on it.
        var order = plan.Targets.Count == 0 ? 0 : plan.Targets.Max(t => t.Order) + 1;
        var seen = new HashSet<PlanTarget>();
        foreach (var proposed in PlanTargetExtractor.Extract(text, document.Year ?? start, end))
        {
            var sentence = proposed.Sentence.Length > 4000 ? proposed.Sentence[..4000] : proposed.Sentence;
            var target = plan.Targets.FirstOrDefault(t => t.SourceText == proposed.Text && t.Sentence == sentence && !seen.Contains(t));
            if (target is null)
            {
                target = new PlanTarget { Order = order++ };
                plan.Targets.Add(target);
            }
            else if (!target.Proposed)
            {
                seen.Add(target);
                continue; // confirmed or edited by an official: the text does not overwrite it
            }

            seen.Add(target);
            target.Name = proposed.Name.Length > 300 ? proposed.Name[..300] : proposed.Name;
            target.TargetValue = proposed.Value;
            target.UpperValue = proposed.UpperValue;
            target.Unit = proposed.Unit;
            target.Qualifier = proposed.Qualifier;
            target.Deadline = proposed.Deadline;
            target.Period = proposed.Period;
            target.Text = proposed.Text;
            target.SourceText = proposed.Text;
            target.Sentence = sentence;
            target.SentenceStart = proposed.SentenceStart;
        }

        var stale = plan.Targets.Where(t => t.Proposed && !seen.Contains(t)).Select(t => t.Id).ToList();
        var referenced = (await db.Set<IndicatorObservation>().Where(o => stale.Contains(o.TargetId)).Select(o => o.TargetId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        plan.Targets.RemoveAll(t => t.Proposed && !seen.Contains(t) && !referenced.Contains(t.Id));
        await db.SaveChangesAsync(cancellationToken);

        var spans = await ImportStructureAsync(plan, text, cancellationToken);
        foreach (var target in plan.Targets.Where(t => t.Proposed))
        {
            target.TaskId = spans.FirstOrDefault(s => s.Start <= target.SentenceStart && target.SentenceStart < s.End).TaskId;
        }

        await db.SaveChangesAsync(cancellationToken);
        var actions = await db.Set<PlanAction>().CountAsync(a => a.PlanId == plan.Id, cancellationToken);
        var tasks = await db.Set<PlanTask>().CountAsync(t => t.PlanId == plan.Id, cancellationToken);
        return new Imported(plan.Id, plan.Title, plan.StartYear, plan.EndYear, plan.Targets.Count, actions, tasks);
    }

    /// <summary>
    /// The plan's actions and tasks with their responsible units, proposed from the text the same way as its
    /// targets: proposals are updated in place, what an official confirmed is left alone, and a task that has
    /// reports is never removed. Returns each task's span of the text, to place targets in their task.
    /// </summary>
    private async Task<List<(int Start, int End, int? TaskId)>> ImportStructureAsync(ActionPlan plan, string text, CancellationToken cancellationToken)
    {
        var proposed = PlanStructureExtractor.Extract(text);
        var actions = await db.Set<PlanAction>().Include(a => a.Tasks).Where(a => a.PlanId == plan.Id).ToListAsync(cancellationToken);
        var keptTasks = new HashSet<PlanTask>();
        foreach (var p in proposed)
        {
            var action = actions.FirstOrDefault(a => a.Number == p.Number);
            if (action is null)
            {
                action = new PlanAction { PlanId = plan.Id, Number = p.Number };
                actions.Add(action);
                db.Add(action);
            }

            if (action.Proposed)
            {
                action.Title = Cut(p.Title, 200);
                action.Text = Cut(p.Text, 8000);
                action.TextStart = p.TextStart;
                action.Units = [.. p.Units];
            }

            foreach (var pt in p.Tasks)
            {
                var task = actions.SelectMany(a => a.Tasks).FirstOrDefault(t => t.Box == pt.Box && t.Number == pt.Number);
                if (task is null)
                {
                    task = new PlanTask { PlanId = plan.Id, Box = pt.Box, Number = pt.Number };
                    action.Tasks.Add(task);
                }

                keptTasks.Add(task);
                if (task.Proposed)
                {
                    task.BoxTitle = Cut(pt.BoxTitle, 200);
                    task.Title = Cut(pt.Title, 200);
                    task.Text = Cut(pt.Text, 8000);
                    task.TextStart = pt.TextStart;
                    task.Units = [.. action.Units]; // the action's units as confirmed, or as read if still proposed
                }
            }
        }

        var staleTasks = actions.SelectMany(a => a.Tasks).Where(t => t.Proposed && !keptTasks.Contains(t) && t.Id != 0).Select(t => t.Id).ToList();
        var reported = (await db.Set<TaskReport>().Where(r => staleTasks.Contains(r.TaskId)).Select(r => r.TaskId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        foreach (var action in actions)
        {
            action.Tasks.RemoveAll(t => staleTasks.Contains(t.Id) && !reported.Contains(t.Id));
        }

        await db.SaveChangesAsync(cancellationToken);

        // A task's span runs to the next task or action heading.
        var starts = proposed.Select(a => (a.TextStart, (PlanTask?)null))
            .Concat(actions.SelectMany(a => a.Tasks).Where(keptTasks.Contains).Select(t => (t.TextStart, (PlanTask?)t)))
            .OrderBy(x => x.TextStart).ToList();
        var spans = new List<(int Start, int End, int? TaskId)>();
        for (var i = 0; i < starts.Count; i++)
        {
            if (starts[i].Item2 is { } task)
            {
                spans.Add((starts[i].TextStart, i + 1 < starts.Count ? starts[i + 1].TextStart : text.Length, task.Id));
            }
        }

        return spans;
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
