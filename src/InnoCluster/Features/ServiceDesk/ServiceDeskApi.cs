using System.Security.Claims;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>The service desk's API: enterprise requests on their working-day clocks, and the calendar those clocks run on.</summary>
public static class ServiceDeskApi
{
    public static IEndpointRouteBuilder MapServiceDesk(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Service desk");
        api.MapGet("/calendar/{year:int}", CalendarAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/calendar/due", DueAsync).RequireAuthorization(Policies.Public);
        api.MapPut("/calendar/days/{date}", EditDayAsync).RequireAuthorization(Policies.SystemAdmin);
        api.MapPost("/calendar/notices", async Task<Results<Ok<PublishHolidayNotice.Outcome>, ProblemHttpResult>> (PublishHolidayNotice.Request body, ClaimsPrincipal user, PublishHolidayNotice publish, CancellationToken ct) =>
            (await publish.RunAsync(body, user, ct)).ToOk(outcome => outcome)).RequireAuthorization(Policies.SystemAdmin);

        api.MapPost("/appeals", FileAsync).RequireAuthorization(Policies.EnterpriseOrOfficial);
        api.MapGet("/appeals", ListAsync).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/appeals/export", ExportAsync).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/appeals/analytics", async (DateOnly? from, DateOnly? to, GetDeskAnalytics analytics, CancellationToken ct) => TypedResults.Ok(await analytics.RunAsync(new(from, to), ct))).RequireAuthorization(Policies.Official);
        api.MapGet("/appeals/{id:int}", GetAsync).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/appeals/escalate", EscalateAsync).RequireAuthorization(Policies.Official);
        api.MapPost("/appeals/{id:int}/assign", (int id, MoveAppeal.AssignRequest body, ClaimsPrincipal user, MoveAppeal move, CancellationToken ct) => Ok(move.AssignAsync(id, body, user, ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/appeals/{id:int}/extension", (int id, MoveAppeal.ExtensionDecision body, ClaimsPrincipal user, MoveAppeal move, CancellationToken ct) => Ok(move.DecideExtensionAsync(id, body, user, ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/appeals/{id:int}/respond", (int id, MoveAppeal.NoteRequest body, ClaimsPrincipal user, MoveAppeal move, CancellationToken ct) => Ok(move.RespondAsync(id, body, user, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/appeals/{id:int}/extend", (int id, MoveAppeal.NoteRequest body, ClaimsPrincipal user, MoveAppeal move, CancellationToken ct) => Ok(move.ExtendAsync(id, body, user, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/appeals/{id:int}/hand-back", (int id, MoveAppeal.NoteRequest body, ClaimsPrincipal user, MoveAppeal move, CancellationToken ct) => Ok(move.HandBackAsync(id, body, user, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/appeals/{id:int}/resolve", (int id, MoveAppeal.NoteRequest body, ClaimsPrincipal user, MoveAppeal move, CancellationToken ct) => Ok(move.ResolveAsync(id, body, user, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/appeals/{id:int}/rate", (int id, MoveAppeal.RatingRequest body, ClaimsPrincipal user, MoveAppeal move, CancellationToken ct) => Ok(move.RateAsync(id, body, user, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/appeals/{id:int}/reopen", (int id, MoveAppeal.NoteRequest body, ClaimsPrincipal user, MoveAppeal move, CancellationToken ct) => Ok(move.RateAsync(id, new MoveAppeal.RatingRequest(Satisfaction.Dissatisfied, body.Note), user, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/appeals/{id:int}/erase-contact", async Task<Results<NoContent, ProblemHttpResult>> (int id, EraseContact erase, CancellationToken ct) => (await erase.OfAppealAsync(id, ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        return app.MapProposalsApi();
    }

    private static async Task<Results<Ok<AppealView>, ProblemHttpResult>> Ok(Task<Infrastructure.UseCases.Result<AppealView>> move) =>
        (await move).ToOk(view => view);

    private static async Task<Results<Created<AppealView>, ProblemHttpResult>> FileAsync(FileAppeal.Request request, ClaimsPrincipal user, FileAppeal file, CancellationToken ct) =>
        (await file.RunAsync(request, user, ct)).ToCreated(view => $"/api/appeals/{view.Id}");

    /// <summary>督办 now (the platform also does it daily at ServiceDesk:Escalate:At): how many requests and messages.</summary>
    private static async Task<Ok<EscalateOverdueAppeals.Escalated>> EscalateAsync(ClaimsPrincipal user, EscalateOverdueAppeals escalate, CancellationToken ct) =>
        TypedResults.Ok(await escalate.RunAsync(user.FindFirstValue(ClaimTypes.Email) ?? "desk", ct));

    private static async Task<Ok<ListAppeals.Result>> ListAsync([AsParameters] ListAppeals.Query query, ClaimsPrincipal user, ListAppeals list, CancellationToken ct) =>
        TypedResults.Ok(await list.RunAsync(query, user, ct));

    /// <summary>The board as the reader sees it, as a workbook; audited, as it carries enterprises' requests.</summary>
    private static async Task<FileContentHttpResult> ExportAsync([AsParameters] ListAppeals.Query query, ClaimsPrincipal user, ExportAppeals export, TimeProvider clock, Infrastructure.Auditing.AuditTrail audit, CancellationToken ct)
    {
        var workbook = await export.RunAsync(query, user, ct);
        await audit.RecordAsync("export", "appeals", null, "ok", $"status={query.Status};unit={query.Unit};theme={query.Theme};overdue={query.Overdue}", ct);
        return TypedResults.File(workbook, Infrastructure.Files.ListWorkbook.ContentType, Infrastructure.Files.ListWorkbook.FileName("企业诉求", "requests", clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<AppealView>, NotFound>> GetAsync(int id, ClaimsPrincipal user, GetAppeal get, CancellationToken ct) =>
        await get.RunAsync(id, user, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<GetCalendar.Year>, NotFound>> CalendarAsync(int year, GetCalendar get, CancellationToken ct) =>
        year is < 2000 or > 2100 ? TypedResults.NotFound() : TypedResults.Ok(await get.RunAsync(year, ct));

    /// <summary>When something received at <c>from</c> is due within <c>workingDays</c> working days.</summary>
    private static async Task<Results<Ok<WorkingDue>, ProblemHttpResult>> DueAsync(DateTimeOffset? from, int? workingDays, CalendarStore store, TimeProvider clock, CancellationToken ct)
    {
        if (workingDays is not (>= 0 and <= 366))
        {
            return TypedResults.Problem("workingDays: 0–366", statusCode: StatusCodes.Status400BadRequest, title: "工作日数无效 / invalid number of working days");
        }

        return TypedResults.Ok((await store.LoadAsync(ct)).DueAfter(from ?? clock.GetUtcNow(), workingDays.Value));
    }

    private static async Task<Results<Ok<GetCalendar.Day>, ProblemHttpResult>> EditDayAsync(string date, EditCalendarDay.Request request, ClaimsPrincipal user, EditCalendarDay edit, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return TypedResults.Problem("date: yyyy-MM-dd", statusCode: StatusCodes.Status400BadRequest, title: "日期无效 / invalid date");
        }

        return (await edit.RunAsync(day, request, user, ct)).ToOk(d => d);
    }
}
