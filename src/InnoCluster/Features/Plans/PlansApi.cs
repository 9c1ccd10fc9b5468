using System.Security.Claims;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>The action plan's HTTP endpoints: thin, typed, each calling one use case; refusals are the use cases' problems.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Plans");
        api.MapGet("/plans", ListAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/plans/{id:int}/targets", TargetsAsync).RequireAuthorization(Policies.Public);
        api.MapPut("/plan-targets/{id:int}/indicator", async Task<Results<NoContent, ProblemHttpResult>> (int id, PlanTargets.IndicatorRequest request, PlanTargets targets, CancellationToken ct) =>
            NoContentOr(await targets.SetIndicatorAsync(id, request, ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/plan-targets/{id:int}/observations", ObserveAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/plans/{id:int}/tasks", async Task<Results<Ok<IReadOnlyList<TaskReports.TaskDto>>, NotFound>> (int id, TaskReports reports, CancellationToken ct) =>
            await reports.ForPlanAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound()).RequireAuthorization(Policies.PlanTeam);
        api.MapGet("/tasks/{id:int}/reports", ReportsAsync).RequireAuthorization(Policies.ProgressReporter);
        api.MapPost("/tasks/{id:int}/reports", FileReportAsync).RequireAuthorization(Policies.ProgressReporter);
        api.MapPost("/plans/{id:int}/periods/{period}/close", async Task<Results<NoContent, ProblemHttpResult>> (int id, string period, ClaimsPrincipal user, TaskReports reports, CancellationToken ct) =>
            NoContentOr(await reports.ClosePeriodAsync(id, period, Actor(user), ct))).RequireAuthorization(Policies.Official);
        api.MapGet("/plans/{id:int}/indicators.xlsx", IndicatorsWorkbookAsync).RequireAuthorization(Policies.Public);
        api.MapPost("/documents/{id:int}/plan", ImportPlanAsync).RequireAuthorization(Policies.Official);
        api.MapPost("/plans/{id:int}/confirm", async Task<Results<NoContent, NotFound>> (int id, PlanEditing editing, CancellationToken ct) =>
            await editing.ConfirmAllAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(Policies.Official);
        api.MapPost("/plans/{id:int}/reminders", async Task<Results<Ok<IReadOnlyList<ReportReminders.Sent>>, NotFound>> (int id, ClaimsPrincipal user, ReportReminders reminders, CancellationToken ct) =>
            await reminders.SendAsync(id, Actor(user), ct) is { } sent ? TypedResults.Ok(sent) : TypedResults.NotFound()).RequireAuthorization(Policies.Official);
        api.MapPut("/plan-targets/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, PlanEditing.TargetEdit edit, PlanEditing editing, CancellationToken ct) =>
            NoContentOr(await editing.EditTargetAsync(id, edit, ct))).RequireAuthorization(Policies.Official);
        api.MapDelete("/plan-targets/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, PlanEditing editing, CancellationToken ct) =>
            NoContentOr(await editing.RejectTargetAsync(id, ct))).RequireAuthorization(Policies.Official);
        api.MapPut("/plan-actions/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, PlanEditing.UnitsEdit edit, PlanEditing editing, CancellationToken ct) =>
            NoContentOr(await editing.EditActionAsync(id, edit, ct))).RequireAuthorization(Policies.Official);
        api.MapPut("/plan-tasks/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, PlanEditing.UnitsEdit edit, PlanEditing editing, CancellationToken ct) =>
            NoContentOr(await editing.EditTaskAsync(id, edit, ct))).RequireAuthorization(Policies.Official);
        app.MapGet("/plans/{id:int}/report.pdf", AnnualReportPdfAsync).RequireAuthorization(Policies.Official);
        return app;
    }

    public sealed record PlanDto(int Id, string Title, int DocumentId, int? StartYear, int? EndYear, int Targets);

    public sealed record ImportedPlan(int Id, string Title, int? StartYear, int? EndYear, int Targets, int Actions, int Tasks);

    private static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "official";

    private static Results<NoContent, ProblemHttpResult> NoContentOr(Result result) =>
        result.Problem is { } problem ? problem.ToHttp() : TypedResults.NoContent();

    private static async Task<Ok<List<PlanDto>>> ListAsync(InnoClusterDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<ActionPlan>().AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new PlanDto(p.Id, p.Title, p.DocumentId, p.StartYear, p.EndYear, p.Targets.Count)).ToListAsync(ct));

    /// <summary>The targets today, or with <c>asOf=2024-12-31</c> as they stood that day.</summary>
    private static async Task<Results<Ok<IReadOnlyList<PlanTargets.TargetDto>>, NotFound>> TargetsAsync(int id, DateOnly? asOf, PlanTargets targets, CancellationToken ct) =>
        await targets.ForPlanAsync(id, ct, asOf) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Created, ProblemHttpResult>> ObserveAsync(int id, PlanTargets.ObservationRequest request, ClaimsPrincipal user, PlanTargets targets, CancellationToken ct) =>
        await targets.ObserveAsync(id, request, Actor(user), ct) is { Problem: { } problem } ? problem.ToHttp() : TypedResults.Created($"/api/plans/targets/{id}");

    private static async Task<Results<Ok<IReadOnlyList<TaskReports.ReportDto>>, NotFound, ForbidHttpResult>> ReportsAsync(int id, ClaimsPrincipal user, InnoClusterDbContext db, TaskReports reports, CancellationToken ct)
    {
        var units = await db.Set<PlanTask>().AsNoTracking().Where(t => t.Id == id).Select(t => t.Units).SingleOrDefaultAsync(ct);
        if (units is null)
        {
            return TypedResults.NotFound();
        }

        return Reporter.Of(user).MayReportOn(units) ? TypedResults.Ok(await reports.ForTaskAsync(id, ct)) : TypedResults.Forbid();
    }

    private static async Task<Results<Created<TaskReports.Filed>, ProblemHttpResult>> FileReportAsync(int id, TaskReports.ReportRequest request, ClaimsPrincipal user, TaskReports reports, CancellationToken ct)
    {
        var result = await reports.FileAsync(id, request, Reporter.Of(user), ct);
        return result.Value is { } filed ? TypedResults.Created($"/api/tasks/{id}/reports", filed) : result.Problem!.ToHttp();
    }

    private static async Task<Results<Created<ImportedPlan>, NotFound, ProblemHttpResult>> ImportPlanAsync(int id, PlanImport import, InnoClusterDbContext db, CancellationToken ct)
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
            return new Problem(ProblemKind.Unprocessable, e.Message).ToHttp();
        }
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> IndicatorsWorkbookAsync(int id, AnnualReport report, CancellationToken ct)
    {
        var stream = new MemoryStream();
        if (!await report.WriteIndicatorsAsync(id, stream, ct))
        {
            return TypedResults.NotFound();
        }

        stream.Position = 0;
        return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"plan-{id}-indicators.xlsx");
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> AnnualReportPdfAsync(int id, HttpContext http, InnoClusterDbContext db, ChromiumPdf pdf, CancellationToken ct)
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
}
