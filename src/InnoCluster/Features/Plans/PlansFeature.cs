using System.Security.Claims;
using System.Text.RegularExpressions;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// Action plans and their targets — so far: proposing a plan's targets from its document (004 at first
/// start) and reading them. Indicators, progress, the dashboard and the annual report are the rest of the
/// action-plan issue.
/// </summary>
public static partial class PlansFeature
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PlanImport>();
        services.AddScoped<PlanTargets>();
        services.AddScoped<TaskReports>();
        services.AddScoped<AnnualReport>();
        services.AddScoped<DistrictSpecialities>();
        services.AddScoped<PlanEditing>();
        services.AddScoped<ReportReminders>();
        services.AddSingleton<Infrastructure.Cli.ICliVerb, RemindVerb>();
        services.AddSingleton<ChromiumPdf>();
        services.Configure<ChromiumPdfOptions>(configuration.GetSection("Reports"));
        services.AddSingleton<ISeedStep, PlanSeedStep>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Plans");
        api.MapGet("/plans", ListAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/plans/{id:int}/targets", TargetsAsync).RequireAuthorization(Policies.Public);
        api.MapPut("/plan-targets/{id:int}/indicator", SetIndicatorAsync).RequireAuthorization(Policies.Official);
        api.MapPost("/plan-targets/{id:int}/observations", ObserveAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/plans/{id:int}/tasks", TasksAsync).RequireAuthorization(Policies.PlanTeam);
        api.MapGet("/tasks/{id:int}/reports", ReportsAsync).RequireAuthorization(Policies.ProgressReporter);
        api.MapPost("/tasks/{id:int}/reports", FileReportAsync).RequireAuthorization(Policies.ProgressReporter);
        api.MapPost("/plans/{id:int}/periods/{period}/close", ClosePeriodAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/plans/{id:int}/indicators.xlsx", IndicatorsWorkbookAsync).RequireAuthorization(Policies.Public);
        api.MapPost("/documents/{id:int}/plan", ImportPlanAsync).RequireAuthorization(Policies.Official);
        api.MapPost("/plans/{id:int}/confirm", ConfirmPlanAsync).RequireAuthorization(Policies.Official);
        api.MapPost("/plans/{id:int}/reminders", SendRemindersAsync).RequireAuthorization(Policies.Official);
        api.MapPut("/plan-targets/{id:int}", EditTargetAsync).RequireAuthorization(Policies.Official);
        api.MapDelete("/plan-targets/{id:int}", RejectTargetAsync).RequireAuthorization(Policies.Official);
        api.MapPut("/plan-actions/{id:int}", EditActionAsync).RequireAuthorization(Policies.Official);
        api.MapPut("/plan-tasks/{id:int}", EditTaskAsync).RequireAuthorization(Policies.Official);
        app.MapGet("/plans/{id:int}/report.pdf", AnnualReportPdfAsync).RequireAuthorization(Policies.Official);
        return app;
    }

    /// <summary>Who is reporting: an official (any unit, named in the report) or a department account (its own unit).</summary>
    public static async Task<Reporter> ReporterAsync(ClaimsPrincipal user, InnoClusterDbContext db, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var department = await db.Set<Identity.AppUser>().Where(u => u.Id == id).Select(u => u.Department).SingleOrDefaultAsync(ct);
        return new Reporter(id, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "user", user.IsInRole(Roles.Official), department?.Trim());
    }

    public sealed record ImportedPlan(int Id, string Title, int? StartYear, int? EndYear, int Targets, int Actions, int Tasks);

    private static async Task<IResult> ImportPlanAsync(int id, PlanImport import, InnoClusterDbContext db, CancellationToken ct)
    {
        try
        {
            if (await import.ImportAsync(id, ct) is not { } plan)
            {
                return TypedResults.NotFound();
            }

            var actions = await db.Set<PlanAction>().CountAsync(a => a.PlanId == plan.Id, ct);
            var tasks = await db.Set<PlanTask>().CountAsync(t => t.PlanId == plan.Id, ct);
            return TypedResults.Created($"/plans/{plan.Id}/structure", new ImportedPlan(plan.Id, plan.Title, plan.StartYear, plan.EndYear, plan.Targets.Count, actions, tasks));
        }
        catch (NotAPlanException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static async Task<IResult> SendRemindersAsync(int id, ClaimsPrincipal user, ReportReminders reminders, CancellationToken ct) =>
        await reminders.SendAsync(id, user.FindFirstValue(ClaimTypes.Email) ?? "official", ct) is { } sent ? TypedResults.Ok(sent) : TypedResults.NotFound();

    private static async Task<IResult> ConfirmPlanAsync(int id, PlanEditing editing, CancellationToken ct) =>
        await editing.ConfirmAllAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static IResult Edited((PlanEditing.Outcome Outcome, Dictionary<string, string[]> Problems) result) => result.Outcome switch
    {
        PlanEditing.Outcome.NotFound => TypedResults.NotFound(),
        PlanEditing.Outcome.Invalid => TypedResults.ValidationProblem(result.Problems),
        _ => TypedResults.NoContent(),
    };

    private static async Task<IResult> EditTargetAsync(int id, PlanEditing.TargetEdit edit, PlanEditing editing, CancellationToken ct) => Edited(await editing.EditTargetAsync(id, edit, ct));

    private static async Task<IResult> EditActionAsync(int id, PlanEditing.UnitsEdit edit, PlanEditing editing, CancellationToken ct) => Edited(await editing.EditActionAsync(id, edit, ct));

    private static async Task<IResult> EditTaskAsync(int id, PlanEditing.UnitsEdit edit, PlanEditing editing, CancellationToken ct) => Edited(await editing.EditTaskAsync(id, edit, ct));

    private static async Task<IResult> RejectTargetAsync(int id, PlanEditing editing, CancellationToken ct) => await editing.RejectTargetAsync(id, ct) switch
    {
        PlanEditing.Outcome.NotFound => TypedResults.NotFound(),
        PlanEditing.Outcome.Conflict => TypedResults.Problem("目标已有数值，不能删除；可改为编辑 (the target has values; edit it instead)", statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.NoContent(),
    };

    private static async Task<IResult> TasksAsync(int id, TaskReports reports, CancellationToken ct) =>
        await reports.ForPlanAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<IResult> ReportsAsync(int id, ClaimsPrincipal user, InnoClusterDbContext db, TaskReports reports, CancellationToken ct)
    {
        var units = await db.Set<PlanTask>().AsNoTracking().Where(t => t.Id == id).Select(t => t.Units).SingleOrDefaultAsync(ct);
        if (units is null)
        {
            return TypedResults.NotFound();
        }

        var reporter = await ReporterAsync(user, db, ct);
        return !reporter.IsOfficial && !units.Contains(reporter.Department ?? "", StringComparer.Ordinal)
            ? TypedResults.Forbid()
            : TypedResults.Ok(await reports.ForTaskAsync(id, ct));
    }

    private static async Task<IResult> FileReportAsync(int id, TaskReports.ReportRequest request, ClaimsPrincipal user, InnoClusterDbContext db, TaskReports reports, CancellationToken ct)
    {
        var (outcome, filed, problems) = await reports.FileAsync(id, request, await ReporterAsync(user, db, ct), ct);
        return outcome switch
        {
            TaskReports.Outcome.NotFound => TypedResults.NotFound(),
            TaskReports.Outcome.Forbidden => TypedResults.Forbid(),
            TaskReports.Outcome.Invalid => TypedResults.ValidationProblem(problems),
            _ => TypedResults.Created($"/api/tasks/{id}/reports", filed),
        };
    }

    private static async Task<IResult> ClosePeriodAsync(int id, string period, ClaimsPrincipal user, TaskReports reports, CancellationToken ct)
    {
        var (found, problem) = await reports.ClosePeriodAsync(id, period, user.FindFirstValue(ClaimTypes.Email) ?? "official", ct);
        return !found ? TypedResults.NotFound()
            : problem is not null ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [problem] })
            : TypedResults.NoContent();
    }

    private static async Task<IResult> IndicatorsWorkbookAsync(int id, AnnualReport report, CancellationToken ct)
    {
        var stream = new MemoryStream();
        if (!await report.WriteIndicatorsAsync(id, stream, ct))
        {
            return TypedResults.NotFound();
        }

        stream.Position = 0;
        return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"plan-{id}-indicators.xlsx");
    }

    private static async Task<IResult> AnnualReportPdfAsync(int id, HttpContext http, InnoClusterDbContext db, ChromiumPdf pdf, CancellationToken ct)
    {
        if (!await db.Set<ActionPlan>().AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var culture = Ui.English ? "en" : "zh-CN";
        var year = int.TryParse(http.Request.Query["year"], System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? $"&year={y}" : "";
        var (bytes, problem) = await pdf.RenderAsync($"/plans/{id}/report?culture={culture}&ui-culture={culture}{year}", ct);
        return bytes is null
            ? TypedResults.Problem(problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "无法生成 PDF (PDF rendering is unavailable)")
            : TypedResults.File(bytes, "application/pdf", $"annual-report-plan-{id}.pdf");
    }

    public sealed record PlanDto(int Id, string Title, int DocumentId, int? StartYear, int? EndYear, int Targets);

    private static async Task<Ok<List<PlanDto>>> ListAsync(InnoClusterDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<ActionPlan>().AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new PlanDto(p.Id, p.Title, p.DocumentId, p.StartYear, p.EndYear, p.Targets.Count)).ToListAsync(ct));

    /// <summary>The targets today, or with <c>asOf=2024-12-31</c> as they stood that day.</summary>
    private static async Task<Results<Ok<IReadOnlyList<PlanTargets.TargetDto>>, NotFound>> TargetsAsync(int id, DateOnly? asOf, PlanTargets targets, CancellationToken ct) =>
        await targets.ForPlanAsync(id, ct, asOf) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<IResult> SetIndicatorAsync(int id, PlanTargets.IndicatorRequest request, PlanTargets targets, CancellationToken ct)
    {
        var (found, problem) = await targets.SetIndicatorAsync(id, request, ct);
        return !found ? TypedResults.NotFound()
            : problem is not null ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["computed"] = [problem] })
            : TypedResults.NoContent();
    }

    private static async Task<IResult> ObserveAsync(int id, PlanTargets.ObservationRequest request, System.Security.Claims.ClaimsPrincipal user, PlanTargets targets, CancellationToken ct)
    {
        var (found, problems) = await targets.ObserveAsync(id, request, user.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? "official", ct);
        return !found ? TypedResults.NotFound()
            : problems.Count > 0 ? TypedResults.ValidationProblem(problems)
            : TypedResults.Created($"/api/plans/targets/{id}", (object?)null);
    }

    [GeneratedRegex(@"(?<from>20\d{2})\s*[-—–~至]\s*(?<to>20\d{2})\s*年")]
    internal static partial Regex PeriodPattern();
}

/// <summary>The document has neither dated targets nor "(一)…行动" actions: there is no plan to propose.</summary>
public sealed class NotAPlanException(string title)
    : Exception($"“{title}”中没有找到目标或行动，不能作为行动计划导入 (no targets or actions found in the document)");

/// <summary>Reads a plan document's targets into an action plan (replacing the proposals of an earlier reading).</summary>
public sealed class PlanImport(InnoClusterDbContext db, TimeProvider clock)
{
    public async Task<ActionPlan?> ImportAsync(int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document?.CurrentVersionId is not { } versionId)
        {
            return null;
        }

        var text = await db.Set<DocumentVersion>().Where(v => v.Id == versionId).Select(v => v.CleanText).SingleAsync(cancellationToken);
        var period = PlansFeature.PeriodPattern().Match(TextNormalizer.Normalize(document.Title));
        int? start = period.Success ? int.Parse(period.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        int? end = period.Success ? int.Parse(period.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var plan = await db.Set<ActionPlan>().Include(p => p.Targets).SingleOrDefaultAsync(p => p.DocumentId == documentId, cancellationToken);
        if (plan is null)
        {
            if (PlanTargetExtractor.Extract(text, document.Year ?? start, end).Count == 0 && PlanStructureExtractor.Extract(text).Count == 0)
            {
                throw new NotAPlanException(document.Title);
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
        return plan;
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

/// <summary>The seed's action plans (documents titled 行动计划), read at first start the way an official would import them.</summary>
public sealed class PlanSeedStep : ISeedStep
{
    public string Name => "action-plans";

    public int Order => 45;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } = [SeedSources.FileName, "plan-indicators.json"];

    private sealed record SeedObservation(string Source, string Quote, string Value, DateOnly ObservedOn, string? Note);

    private sealed record SeedTarget(string Target, string Name, List<SeedObservation> Observations);

    private sealed record SeedFile(List<SeedTarget> Targets);

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var import = context.Services.GetRequiredService<PlanImport>();
        var targets = context.Services.GetRequiredService<PlanTargets>();
        var plans = await db.Set<Document>().Where(d => d.SeedFile != null && d.Kind == DocumentKind.Policy && d.Title.Contains("行动计划")).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var id in plans)
        {
            try
            {
                await import.ImportAsync(id, cancellationToken);
            }
            catch (NotAPlanException)
            {
                // Titled like a plan but states no targets or actions (a notice about a plan): nothing to propose.
            }
        }

        // The reported values the seed editors read from the news documents, each with its sentence.
        var seed = System.Text.Json.JsonSerializer.Deserialize<SeedFile>(await File.ReadAllTextAsync(context.PathOf("plan-indicators.json"), cancellationToken), System.Text.Json.JsonSerializerOptions.Web)!;
        foreach (var entry in seed.Targets)
        {
            var target = await db.Set<PlanTarget>().Where(t => t.SourceText == entry.Target).OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new InvalidDataException($"plan-indicators.json: no plan target reads \"{entry.Target}\"");
            await db.Set<IndicatorObservation>().Where(o => o.TargetId == target.Id && o.RecordedBy == "seed").ExecuteDeleteAsync(cancellationToken);
            foreach (var observation in entry.Observations)
            {
                var document = await db.Set<Document>().Where(d => d.SeedFile == observation.Source).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new InvalidDataException($"plan-indicators.json: no seed document {observation.Source}");
                var (_, problems) = await targets.ObserveAsync(target.Id, new PlanTargets.ObservationRequest(observation.Value, observation.ObservedOn, document, observation.Quote, observation.Note), "seed", cancellationToken);
                if (problems.Count > 0)
                {
                    throw new InvalidDataException($"plan-indicators.json, {entry.Target}: {string.Join("; ", problems.SelectMany(p => p.Value))}");
                }
            }
        }
    }
}
