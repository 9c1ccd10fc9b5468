using System.Security.Claims;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.Plans;

/// <summary>The action plan's HTTP endpoints: thin, typed, each calling one use case; refusals are the use cases' problems.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Plans");
        api.MapGet("/plans", async Task<Ok<IReadOnlyList<ListPlans.Item>>> (ListPlans plans, CancellationToken ct) =>
            TypedResults.Ok(await plans.RunAsync(ct))).RequireAuthorization(Policies.Public);
        api.MapGet("/plans/{id:int}/targets", async Task<Results<Ok<IReadOnlyList<ListTargets.TargetDto>>, NotFound>> (int id, DateOnly? asOf, ListTargets targets, CancellationToken ct) =>
            await targets.RunAsync(id, ct, asOf) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound()).RequireAuthorization(Policies.Public);
        api.MapGet("/plan-targets/{id:int}", async Task<Results<Ok<GetTarget.View>, NotFound>> (int id, GetTarget target, CancellationToken ct) =>
            await target.RunAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound()).RequireAuthorization(Policies.Public);
        api.MapPut("/plan-targets/{id:int}/indicator", async Task<Results<NoContent, ProblemHttpResult>> (int id, SetTargetIndicator.Request request, SetTargetIndicator indicator, CancellationToken ct) =>
            (await indicator.RunAsync(id, request, ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        api.MapGet("/plan-targets/{id:int}/districts", async Task<Results<Ok<GetTargetDistricts.View>, NotFound>> (int id, GetTargetDistricts districts, CancellationToken ct) =>
            await districts.RunAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound()).RequireAuthorization(Policies.Public);
        api.MapPut("/plan-targets/{id:int}/districts", async Task<Results<NoContent, ProblemHttpResult>> (int id, SetTargetShares.Request request, ClaimsPrincipal user, SetTargetShares shares, CancellationToken ct) =>
            (await shares.RunAsync(id, request, Actor(user), ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        api.MapPost("/plan-targets/{id:int}/observations", async Task<Results<Created, ProblemHttpResult>> (int id, RecordTargetValue.Request request, ClaimsPrincipal user, RecordTargetValue record, CancellationToken ct) =>
            await record.RunAsync(id, request, Actor(user), ct) is { Problem: { } problem } ? problem.ToHttp() : TypedResults.Created($"/api/plan-targets/{id}")).RequireAuthorization(Policies.Official);
        api.MapGet("/plans/{id:int}/structure", StructureAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/plans/{id:int}/tasks", async Task<Results<Ok<IReadOnlyList<ListPlanTasks.TaskDto>>, NotFound>> (int id, ListPlanTasks tasks, CancellationToken ct) =>
            await tasks.RunAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound()).RequireAuthorization(Policies.PlanTeam);
        api.MapGet("/tasks/{id:int}/reports", async Task<Results<Ok<IReadOnlyList<ListTaskReports.ReportDto>>, ProblemHttpResult>> (int id, ClaimsPrincipal user, OpenTaskForReporting open, CancellationToken ct) =>
            (await open.RunAsync(id, Reporter.Of(user), ct)).ToOk(desk => desk.Reports)).RequireAuthorization(Policies.ProgressReporter);
        api.MapPost("/tasks/{id:int}/reports", async Task<Results<Created<FileTaskReport.Filed>, ProblemHttpResult>> (int id, FileTaskReport.ReportRequest request, ClaimsPrincipal user, FileTaskReport file, CancellationToken ct) =>
            (await file.RunAsync(id, request, Reporter.Of(user), ct)).ToCreated(filed => $"/api/tasks/{id}/reports")).RequireAuthorization(Policies.ProgressReporter);
        api.MapPost("/plans/{id:int}/periods/{period}/close", async Task<Results<NoContent, ProblemHttpResult>> (int id, string period, ClaimsPrincipal user, ClosePeriod close, CancellationToken ct) =>
            (await close.RunAsync(id, period, Actor(user), ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        api.MapGet("/plans/{id:int}/indicators.xlsx", IndicatorsWorkbookAsync).RequireAuthorization(Policies.Public);
        api.MapPost("/documents/{id:int}/plan", async Task<Results<Created<ImportPlan.Imported>, ProblemHttpResult>> (int id, ImportPlan import, CancellationToken ct) =>
            (await import.RunAsync(id, ct)).ToCreated(plan => $"/plans/{plan.Id}/structure")).RequireAuthorization(Policies.Official);
        api.MapPost("/plans/{id:int}/confirm", async Task<Results<NoContent, NotFound>> (int id, ConfirmPlan confirm, CancellationToken ct) =>
            await confirm.RunAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(Policies.Official);
        api.MapPost("/plans/{id:int}/reminders", async Task<Results<Ok<IReadOnlyList<ReportReminders.Sent>>, NotFound>> (int id, ClaimsPrincipal user, ReportReminders reminders, CancellationToken ct) =>
            await reminders.SendAsync(id, Actor(user), ct) is { } sent ? TypedResults.Ok(sent) : TypedResults.NotFound()).RequireAuthorization(Policies.Official);
        api.MapPut("/plan-targets/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, EditPlanTarget.Request edit, EditPlanTarget editTarget, CancellationToken ct) =>
            (await editTarget.RunAsync(id, edit, ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        api.MapDelete("/plan-targets/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, RejectPlanTarget reject, CancellationToken ct) =>
            (await reject.RunAsync(id, ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        api.MapPut("/plan-actions/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, UnitsEdit edit, EditPlanAction editAction, CancellationToken ct) =>
            (await editAction.RunAsync(id, edit, ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        api.MapPut("/plan-tasks/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, UnitsEdit edit, EditPlanTask editTask, CancellationToken ct) =>
            (await editTask.RunAsync(id, edit, ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        app.MapGet("/plans/{id:int}/report.pdf", AnnualReportPdfAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/plans/{id:int}/report.docx", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (int id, int? year, bool? toDate, AnnualReport report, CancellationToken ct) =>
        {
            if (year is < 2000 or > 2100)
            {
                return TypedResults.Problem("year: 2000–2100", statusCode: StatusCodes.Status400BadRequest, title: "年度无效 / invalid year");
            }

            if (await report.BuildAsync(id, year, ct, toDate == true) is not { } content)
            {
                return TypedResults.NotFound();
            }

            using var output = new MemoryStream();
            AnnualReportDocx.Write(content, output);
            return TypedResults.File(output.ToArray(), AnnualReportDocx.MediaType, content.FileName("docx"));
        }).RequireAuthorization(Policies.Public);
        api.MapPost("/plans/{id:int}/report.pdf", QueueAnnualReportPdfAsync).RequireAuthorization(Policies.Official);
        return app;
    }

    public sealed record TaskRow(int Id, string Code, string Title, IReadOnlyList<string> Units, bool Proposed);

    public sealed record ActionRow(int Id, int Number, string Title, IReadOnlyList<string> Units, bool Proposed, IReadOnlyList<TaskRow> Tasks);

    public sealed record TargetRow(int Id, string Name, string Text, string Sentence, int? Deadline, TargetPeriod Period, int? TaskId, bool Proposed);

    public sealed record StructureDto(ListPlans.Item Plan, IReadOnlyList<TargetRow> Targets, IReadOnlyList<ActionRow> Actions);

    private static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "official";

    /// <summary>What was read from the plan's text, each proposal marked until an official confirms it.</summary>
    private static async Task<Results<Ok<StructureDto>, NotFound>> StructureAsync(int id, GetPlanStructure structure, CancellationToken ct)
    {
        if (await structure.RunAsync(id, ct) is not { } read)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new StructureDto(
            read.Plan,
            [.. read.Targets.Select(t => new TargetRow(t.Id, t.Name, t.Text, t.Sentence, t.Deadline, t.Period, t.TaskId, t.Proposed))],
            [.. read.Actions.Select(a => new ActionRow(a.Id, a.Number, a.Title, a.Units, a.Proposed, [.. a.Tasks.Select(t => new TaskRow(t.Id, t.Code, t.Title, t.Units, t.Proposed))]))]));
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

    private static async Task<Results<Accepted<Infrastructure.Jobs.JobReference>, NotFound>> QueueAnnualReportPdfAsync(int id, int? year, bool? toDate, ListPlans plans, Infrastructure.Jobs.JobQueue queue, TimeProvider clock, CancellationToken ct) =>
        await plans.FindAsync(id, ct) is not { } plan
            ? TypedResults.NotFound()
            : Infrastructure.Jobs.JobReference.Accepted(await AnnualReportPdfJob.EnqueueAsync(
                queue, id, ActionPlan.ReportYear(year, toDate == true, plan.StartYear, plan.EndYear, InnoCluster.Infrastructure.BeijingTime.Today(clock).Year), ct));

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> AnnualReportPdfAsync(int id, HttpContext http, ListPlans plans, Infrastructure.Files.ChromiumPdf pdf, TimeProvider clock, CancellationToken ct)
    {
        if (await plans.FindAsync(id, ct) is not { } plan)
        {
            return TypedResults.NotFound();
        }

        var culture = Ui.English ? "en" : "zh-CN";
        var asked = int.TryParse(http.Request.Query["year"], System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : (int?)null;
        var covered = ActionPlan.ReportYear(asked, http.Request.Query["toDate"] == "true", plan.StartYear, plan.EndYear, InnoCluster.Infrastructure.BeijingTime.Today(clock).Year);
        var year = covered is { } c ? $"&year={c}" : "&toDate=true";
        var (bytes, problem) = await pdf.RenderAsync($"/plans/{id}/report?culture={culture}&ui-culture={culture}{year}", ct);
        return bytes is null
            ? TypedResults.Problem(problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "无法生成 PDF / PDF rendering is unavailable")
            : TypedResults.File(bytes, "application/pdf", AnnualReport.FileName(id, covered, InnoCluster.Infrastructure.BeijingTime.Today(clock), "pdf"));
    }
}
