using System.Security.Claims;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.Calls;

/// <summary>Calls, applications, expert review, 公示 and objections. Times are Beijing time unless they carry an offset.</summary>
public static class CallsApi
{
    public static IEndpointRouteBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calls/{id:int}/report.pdf", ReportPdfAsync).RequireAuthorization(Policies.Official);
        var api = app.MapGroup("/api").WithTags("Calls");
        api.MapGet("/calls", async (CallProgramme? programme, int? year, ClaimsPrincipal user, ListCalls list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(programme, year, Actor(user), ct))).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapPost("/calls", async Task<Results<Created<CallView>, ProblemHttpResult>> (CallInput input, ClaimsPrincipal user, CreateCall create, CancellationToken ct) =>
            (await create.RunAsync(input, Actor(user), ct)).ToCreated(view => $"/api/calls/{view.Id}")).RequireAuthorization(Policies.Official);
        api.MapGet("/calls/{id:int}", async Task<Results<Ok<CallView>, NotFound>> (int id, ClaimsPrincipal user, GetCall get, CancellationToken ct) =>
            await get.RunAsync(id, Actor(user), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound()).RequireAuthorization(Policies.Public);
        api.MapPut("/calls/{id:int}", async Task<Results<Ok<CallView>, ProblemHttpResult>> (int id, CallInput input, UpdateCall update, CancellationToken ct) =>
            (await update.RunAsync(id, input, ct)).ToOk(view => view)).RequireAuthorization(Policies.Official);
        api.MapPost("/calls/{id:int}/publish", async Task<Results<Ok<CallView>, ProblemHttpResult>> (int id, PublishCall publish, CancellationToken ct) =>
            (await publish.RunAsync(id, ct)).ToOk(view => view)).RequireAuthorization(Policies.Official);
        api.MapGet("/calls/{id:int}/eligible-firms", async Task<Results<Ok<FindEligibleFirms.Result>, NotFound>> (int id, int? take, FindEligibleFirms find, CancellationToken ct) =>
            await find.RunAsync(id, take ?? 200, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound()).RequireAuthorization(Policies.Official);

        api.MapPost("/calls/{id:int}/applications", async Task<Results<Created<ApplicationView>, ProblemHttpResult>> (int id, StartApplication.Request body, ClaimsPrincipal user, StartApplication start, CancellationToken ct) =>
            (await start.RunAsync(id, body, Actor(user), ct)).ToCreated(view => $"/api/applications/{view.Id}")).RequireAuthorization(Policies.EnterpriseAccount);
        api.MapGet("/calls/{id:int}/applications", async Task<Results<Ok<IReadOnlyList<ListApplications.Item>>, NotFound>> (int id, ApplicationStatus? status, ClaimsPrincipal user, ListApplications list, CancellationToken ct) =>
            await list.RunAsync(id, status, Actor(user), ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound()).RequireAuthorization(Policies.CallTeam);
        api.MapGet("/me/applications", async (ClaimsPrincipal user, MyApplications mine, CancellationToken ct) => TypedResults.Ok(await mine.RunAsync(Actor(user), ct))).RequireAuthorization(Policies.EnterpriseAccount);
        api.MapGet("/applications/{id:int}", async Task<Results<Ok<ApplicationView>, NotFound>> (int id, ClaimsPrincipal user, GetApplication get, CancellationToken ct) =>
            await get.RunAsync(id, Actor(user), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound()).RequireAuthorization(Policies.SignedIn);
        api.MapPut("/applications/{id:int}", (int id, EditApplication.Request body, ClaimsPrincipal user, EditApplication edit, CancellationToken ct) =>
            Ok(edit.RunAsync(id, body, Actor(user), ct))).RequireAuthorization(Policies.EnterpriseAccount);
        api.MapPost("/applications/{id:int}/submit", (int id, ClaimsPrincipal user, SubmitApplication submit, CancellationToken ct) =>
            Ok(submit.RunAsync(id, Actor(user), ct))).RequireAuthorization(Policies.EnterpriseAccount);
        api.MapPost("/applications/{id:int}/withdraw", (int id, ClaimsPrincipal user, WithdrawApplication withdraw, CancellationToken ct) =>
            Ok(withdraw.RunAsync(id, Actor(user), ct))).RequireAuthorization(Policies.EnterpriseAccount);
        api.MapGet("/applications/{id:int}/files/{fileId:guid}", FileAsync).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/applications/{id:int}/check", (int id, CheckApplication.Request body, ClaimsPrincipal user, CheckApplication check, CancellationToken ct) =>
            Ok(check.RunAsync(id, body, Actor(user), ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/applications/{id:int}/recommend", (int id, RecommendApplication.Request body, ClaimsPrincipal user, RecommendApplication recommend, CancellationToken ct) =>
            Ok(recommend.RunAsync(id, body, Actor(user), ct))).RequireAuthorization(Policies.CallTeam);
        api.MapPost("/applications/{id:int}/reviews", async Task<Results<Ok<ApplicationView.Review>, ProblemHttpResult>> (int id, ScoreApplication.Request body, ClaimsPrincipal user, ScoreApplication score, CancellationToken ct) =>
            (await score.RunAsync(id, body, Actor(user), ct)).ToOk(review => review)).RequireAuthorization(Policies.Reviewer);
        api.MapPost("/applications/{id:int}/panel", (int id, SetPanelScore.Request body, ClaimsPrincipal user, SetPanelScore panel, CancellationToken ct) =>
            Ok(panel.RunAsync(id, body, Actor(user), ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/applications/{id:int}/decision", (int id, DecideApplication.Request body, ClaimsPrincipal user, DecideApplication decide, CancellationToken ct) =>
            Ok(decide.RunAsync(id, body, Actor(user), ct))).RequireAuthorization(Policies.Official);

        api.MapPost("/applications/{id:int}/upward-result", (int id, RecordUpwardResult.Request body, ClaimsPrincipal user, RecordUpwardResult record, CancellationToken ct) =>
            Ok(record.RunAsync(id, body, Actor(user), ct))).RequireAuthorization(Policies.Official);

        api.MapGet("/experts", async (ListExperts list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/experts", async Task<Results<Ok<SaveExpert.View>, ProblemHttpResult>> (SaveExpert.Request body, SaveExpert save, CancellationToken ct) =>
            (await save.RunAsync(body, ct)).ToOk(view => view)).RequireAuthorization(Policies.Official);
        api.MapGet("/me/reviews", async (ClaimsPrincipal user, MyReviews mine, CancellationToken ct) => TypedResults.Ok(await mine.RunAsync(Actor(user), ct))).RequireAuthorization(Policies.Reviewer);
        api.MapPost("/calls/{id:int}/assignments", async Task<Results<Ok<AssignExperts.Outcome>, ProblemHttpResult>> (int id, AssignExperts assign, CancellationToken ct) =>
            (await assign.RunAsync(id, ct)).ToOk(outcome => outcome)).RequireAuthorization(Policies.Official);
        api.MapPost("/assignments/{id:int}/recuse", async Task<Results<Ok<AssignExperts.Outcome>, ProblemHttpResult>> (int id, RecuseFromReview.Request body, ClaimsPrincipal user, RecuseFromReview recuse, CancellationToken ct) =>
            (await recuse.RunAsync(id, body, Actor(user), ct)).ToOk(outcome => outcome)).RequireAuthorization(Policies.Reviewer);
        api.MapGet("/calls/{id:int}/ranking", async Task<Results<Ok<GetRanking.Result>, NotFound>> (int id, GetRanking ranking, CancellationToken ct) =>
            await ranking.RunAsync(id, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound()).RequireAuthorization(Policies.Official);

        api.MapGet("/calls/{id:int}/ranking/export", async Task<Results<FileContentHttpResult, NotFound>> (int id, ExportRanking export, TimeProvider clock, CancellationToken ct) =>
            await export.RunAsync(id, ct) is { } workbook ? TypedResults.File(workbook, ListWorkbook.ContentType, ListWorkbook.FileName("评分排名", "ranking", clock.GetUtcNow())) : TypedResults.NotFound())
            .RequireAuthorization(Policies.Official);
        api.MapGet("/calls/{id:int}/scores/export", async Task<Results<FileContentHttpResult, NotFound>> (int id, ExportScores export, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            if (await export.RunAsync(id, ct) is not { } workbook)
            {
                return TypedResults.NotFound();
            }

            await audit.RecordAsync("export", "review_assignments", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", null, ct);
            return TypedResults.File(workbook, ListWorkbook.ContentType, ListWorkbook.FileName("专家评分", "scores", clock.GetUtcNow()));
        }).RequireAuthorization(Policies.Official);
        api.MapGet("/calls/{id:int}/applications/export", async Task<Results<FileContentHttpResult, NotFound>> (int id, ClaimsPrincipal user, ExportApplications export, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            if (await export.RunAsync(id, Actor(user), ct) is not { } workbook)
            {
                return TypedResults.NotFound();
            }

            await audit.RecordAsync("export", "call_applications", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", null, ct);
            return TypedResults.File(workbook, ListWorkbook.ContentType, ListWorkbook.FileName("申报", "applications", clock.GetUtcNow()));
        }).RequireAuthorization(Policies.CallTeam);
        api.MapPost("/calls/{id:int}/publicity", async Task<Results<Ok<GetPublicity.Result>, ProblemHttpResult>> (int id, StartPublicity start, CancellationToken ct) =>
            (await start.RunAsync(id, ct)).ToOk(result => result)).RequireAuthorization(Policies.Official);
        api.MapGet("/calls/{id:int}/publicity", async Task<Results<Ok<GetPublicity.Result>, NotFound>> (int id, GetPublicity get, CancellationToken ct) =>
            await get.RunAsync(id, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound()).RequireAuthorization(Policies.Public);
        api.MapGet("/calls/{id:int}/publicity/export", async Task<Results<FileContentHttpResult, NotFound>> (int id, GetPublicity get, TimeProvider clock, CancellationToken ct) =>
            await get.RunAsync(id, ct) is not { } publicity ? TypedResults.NotFound() : TypedResults.File(
                await ListWorkbook.WriteAsync(publicity.Selected, e => new Dictionary<string, object?>
                {
                    [Ui.L("企业", "Enterprise")] = e.EnterpriseName,
                    [Ui.L("项目", "Project")] = e.Candidate is null ? e.ProjectTitle : $"{e.ProjectTitle}（{e.Candidate}）",
                }, publicity.Phase == CallPhase.Decided ? Ui.L("结果", "Result") : Ui.L("公示名单", "Public notice"), ct),
                ListWorkbook.ContentType, ListWorkbook.FileName(publicity.Phase == CallPhase.Decided ? "结果" : "公示名单", publicity.Phase == CallPhase.Decided ? "result" : "public-notice", clock.GetUtcNow())))
            .RequireAuthorization(Policies.Public);
        api.MapPost("/calls/{id:int}/objections", async Task<Results<Created<FileObjection.Filed>, ProblemHttpResult>> (int id, FileObjection.Request body, ClaimsPrincipal user, FileObjection file, CancellationToken ct) =>
            (await file.RunAsync(id, body, Actor(user), ct)).ToCreated(filed => $"/api/calls/{id}/objections")).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.AnonymousWrite);
        api.MapGet("/calls/{id:int}/objections", async (int id, AnswerObjection answers, CancellationToken ct) => TypedResults.Ok(await answers.ListAsync(id, ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/objections/{id:int}/answer", async Task<Results<Ok<AnswerObjection.View>, ProblemHttpResult>> (int id, AnswerObjection.Request body, ClaimsPrincipal user, AnswerObjection answer, CancellationToken ct) =>
            (await answer.RunAsync(id, body, Actor(user), ct)).ToOk(view => view)).RequireAuthorization(Policies.Official);
        api.MapPost("/calls/{id:int}/result", async Task<Results<Ok<GetPublicity.Result>, ProblemHttpResult>> (int id, PublishResult publish, CancellationToken ct) =>
            (await publish.RunAsync(id, ct)).ToOk(result => result)).RequireAuthorization(Policies.Official);
        return app;
    }

    /// <summary>The call's public report as PDF, printed by the server's headless Chromium in the reader's language.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> ReportPdfAsync(int id, GetCallReport report, ChromiumPdf pdf, TimeProvider clock, CancellationToken ct)
    {
        if (await report.RunAsync(id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var culture = Ui.English ? "en" : "zh-CN";
        var (bytes, problem) = await pdf.RenderAsync($"/calls/{id}/report?culture={culture}&ui-culture={culture}", ct);
        return bytes is null
            ? TypedResults.Problem(problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "无法生成 PDF / PDF rendering is unavailable")
            : TypedResults.File(bytes, "application/pdf", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Ui.L("征集报告", "call-report")}-{id}-{clock.GetUtcNow():yyyyMMdd}.pdf"));
    }

    private static CallActor Actor(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? CallActor.Of(user) : CallActor.Anonymous;

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Ok(Task<Result<ApplicationView>> running) => (await running).ToOk(view => view);

    /// <summary>A file of an application, for whoever may read the application; every download is audited.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> FileAsync(int id, Guid fileId, HttpContext http, ClaimsPrincipal user, GetApplication get, UploadStore store, AuditTrail audit, CancellationToken ct)
    {
        if (await get.RunAsync(id, Actor(user), ct) is not { } application || application.Files.All(f => f.FileId != fileId) || await store.OpenAsync(fileId, ct) is not { } opened)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync("file-downloaded", "stored_files", fileId.ToString(), "ok", $"application {id}: {opened.File.FileName}", ct);
        return FileDownload.Result(http, opened.File, opened.Content);
    }
}
