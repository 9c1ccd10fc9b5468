using System.Security.Claims;
using System.Text.RegularExpressions;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// Action plans (行动计划): targets, actions and tasks proposed from the plan's text and reviewed by an
/// official; indicators computed or reported with their sources; quarterly progress reports by responsible
/// unit with reminders; the dashboard, the annual report (HTML, PDF by Chromium) and the indicators workbook.
/// This file wires the services and the HTTP API; the pages are in Pages/.
/// </summary>
public static partial class PlansFeature
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PlanImport>();
        services.AddScoped<PlanTargets>();
        services.AddScoped<IndicatorCounter>();
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
    public static Reporter ReporterOf(ClaimsPrincipal user) => Reporter.Of(user);

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

        var reporter = ReporterOf(user);
        return !reporter.MayReportOn(units)
            ? TypedResults.Forbid()
            : TypedResults.Ok(await reports.ForTaskAsync(id, ct));
    }

    private static async Task<IResult> FileReportAsync(int id, TaskReports.ReportRequest request, ClaimsPrincipal user, InnoClusterDbContext db, TaskReports reports, CancellationToken ct)
    {
        var (outcome, filed, problems) = await reports.FileAsync(id, request, ReporterOf(user), ct);
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
