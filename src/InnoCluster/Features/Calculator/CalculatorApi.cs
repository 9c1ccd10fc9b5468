using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.Calculator;

/// <summary>The policy calculator's JSON API: thin endpoints over the clause store, queries and calculator.</summary>
public static class CalculatorApi
{
    public static void MapCalculatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Calculator");
        api.MapGet("/calculator/{id:int}", CalculateAsync).RequireAuthorization(Policies.EnterpriseOrOfficial);
        api.MapGet("/clauses", ListAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/self-check", async Task<Results<Ok<SelfCheck.Answer>, ProblemHttpResult>> (string? creditCode, SelfCheck check, CancellationToken ct) =>
            (await check.RunAsync(creditCode, ct)).ToOk(answer => answer)).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/clauses/export", ExportListAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/clauses/{id:int}", GetAsync).RequireAuthorization(Policies.Public);
        api.MapPost("/clauses", CreateAsync).RequireAuthorization(Policies.Official);
        api.MapPut("/clauses/{id:int}", UpdateAsync).RequireAuthorization(Policies.Official);
        api.MapDelete("/clauses/{id:int}", WithdrawAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/clauses/{id:int}/eligible", EligibleAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/clauses/{id:int}/eligible/export", ExportAsync).RequireAuthorization(Policies.Official);
        api.MapPost("/documents/{id:int}/clauses", ProposeAsync).RequireAuthorization(Policies.Official);
    }

    /// <summary>An enterprise's own calculator, or any enterprise's for an official; others get 403.</summary>
    private static async Task<Results<Ok<PolicyCalculator.Result>, ForbidHttpResult, NotFound>> CalculateAsync(int id, DateOnly? asOf, bool? all, ClaimsPrincipal user, PolicyCalculator calculator, CancellationToken ct)
    {
        if (!UpdateEnterpriseProfile.MayEdit(user, id))
        {
            // The registry is public, so saying the firm exists reveals nothing; its calculator is its own.
            return await calculator.EnterpriseExistsAsync(id, ct) ? TypedResults.Forbid() : TypedResults.NotFound();
        }

        return await calculator.RunAsync(id, asOf, ct, all == true) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();
    }

    private static async Task<FileContentHttpResult> ExportListAsync(string? q, int? documentId, string? status, ClaimsPrincipal user, ExportClauses export, TimeProvider clock, CancellationToken ct) =>
        TypedResults.File(await export.RunAsync(q, documentId, status, user, ct), Infrastructure.Files.ListWorkbook.ContentType, Infrastructure.Files.ListWorkbook.FileName("政策条款", "clauses", clock.GetUtcNow()));

    private static async Task<Ok<IReadOnlyList<ClauseQueries.ClauseDto>>> ListAsync(string? q, int? documentId, string? status, ClaimsPrincipal user, ClauseQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(q, documentId, status, user.IsInRole(Roles.Official), ct));

    private static async Task<Results<Ok<ClauseQueries.ClauseDto>, NotFound>> GetAsync(int id, ClaimsPrincipal user, ClauseQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, user.IsInRole(Roles.Official), ct) is { } clause ? TypedResults.Ok(clause) : TypedResults.NotFound();

    private static async Task<Results<Created<ClauseQueries.ClauseDto>, ProblemHttpResult>> CreateAsync(ClauseInput input, ClaimsPrincipal user, CreateClause create, ConditionWordings wordings, CancellationToken ct)
    {
        var wording = await wordings.ForReaderAsync(ct);
        return (await create.RunAsync(input, user, ct)).ToCreated(clause => ClauseQueries.ToDto(clause, wording), clause => $"/api/clauses/{clause.Id}");
    }

    private static async Task<Results<Ok<ClauseQueries.ClauseDto>, ProblemHttpResult>> UpdateAsync(int id, ClauseInput input, ClaimsPrincipal user, UpdateClause update, ConditionWordings wordings, CancellationToken ct)
    {
        var wording = await wordings.ForReaderAsync(ct);
        return (await update.RunAsync(id, input, user, ct)).ToOk(clause => ClauseQueries.ToDto(clause, wording));
    }

    private static async Task<Results<Ok<ClauseQueries.ClauseDto>, NotFound>> WithdrawAsync(int id, ClaimsPrincipal user, WithdrawClause withdraw, ConditionWordings wordings, CancellationToken ct) =>
        await withdraw.RunAsync(id, user, ct) is { } clause ? TypedResults.Ok(ClauseQueries.ToDto(clause, await wordings.ForReaderAsync(ct))) : TypedResults.NotFound();

    private static async Task<Results<Ok<ClauseCandidates.Result>, NotFound>> EligibleAsync(int id, ClauseCandidates candidates, CancellationToken ct) =>
        await candidates.RunAsync(id, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Results<FileStreamHttpResult, NotFound>> ExportAsync(int id, ClauseCandidates candidates, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        if (await candidates.ExportAsync(id, buffer, ct) is not { } count)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync("export", "clause-candidates", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", $"{count} rows", ct);
        buffer.Position = 0;
        return TypedResults.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"clause-{id}-candidates-{clock.GetUtcNow():yyyyMMdd}.xlsx");
    }

    private static async Task<Results<Ok<IReadOnlyList<ClauseQueries.ClauseDto>>, NotFound>> ProposeAsync(int id, ClaimsPrincipal user, ProposeClauses propose, ConditionWordings wordings, CancellationToken ct)
    {
        var wording = await wordings.ForReaderAsync(ct);
        return await propose.RunAsync(id, user.FindFirstValue(ClaimTypes.Email) ?? "official", ct) is { } created
            ? TypedResults.Ok<IReadOnlyList<ClauseQueries.ClauseDto>>([.. created.Select(clause => ClauseQueries.ToDto(clause, wording))])
            : TypedResults.NotFound();
    }
}
