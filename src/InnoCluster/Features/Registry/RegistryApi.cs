using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCluster.Features.Registry;

/// <summary>The registry's JSON API under /api: thin endpoints calling the use cases.</summary>
public static class RegistryApi
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Registry");

        api.MapGet("/enterprises", ListEnterprisesAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/enterprises/{id:int}", GetEnterpriseAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/enterprises/{id:int}/track-record", async Task<Results<Ok<IReadOnlyList<TrackRecordItem>>, NotFound>> (int id, GetTrackRecord get, CancellationToken ct) =>
            await get.RunAsync(id, ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound()).RequireAuthorization(Policies.Public);
        api.MapMethods("/enterprises/{id:int}/profile", ["PATCH"], UpdateProfileAsync).RequireAuthorization(Policies.SignedIn);
        api.MapMethods("/enterprises/{id:int}/facts", ["PATCH"], UpdateFactsAsync).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/enterprises/{id:int}/fact-changes", FirmFactChangesAsync).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/fact-changes", async (ListFactChanges list, CancellationToken ct) => TypedResults.Ok(await list.WaitingAsync(ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/fact-changes/{id:int}/confirm", (int id, DecideFactChange.Request body, System.Security.Claims.ClaimsPrincipal user, DecideFactChange decide, CancellationToken ct) => DecideFactAsync(decide.RunAsync(user, id, true, body, ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/fact-changes/{id:int}/reject", (int id, DecideFactChange.Request body, System.Security.Claims.ClaimsPrincipal user, DecideFactChange decide, CancellationToken ct) => DecideFactAsync(decide.RunAsync(user, id, false, body, ct))).RequireAuthorization(Policies.Official);
        api.MapGet("/enterprises/export", ExportAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/enterprises/import-template", async (CancellationToken ct) =>
        {
            var stream = new MemoryStream();
            await Import.ImportWorkbooks.WriteTemplateAsync(stream, ct);
            stream.Position = 0;
            return TypedResults.File(stream, Import.ImportWorkbooks.ContentType, "企业导入模板.xlsx");
        }).RequireAuthorization(Policies.Official);
        api.MapPost("/enterprises/import", ImportAsync).RequireAuthorization(Policies.Official).DisableAntiforgery().WithMetadata(new BodyLimitAttribute(BodyKind.Import));
        api.MapGet("/import-mappings", ListMappingsAsync).RequireAuthorization(Policies.Official);
        api.MapPut("/import-mappings/{name}", SaveMappingAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/chain", ChainAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/districts", DistrictsAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/carriers", CarriersAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/carriers/export", async Task<FileContentHttpResult> (string? kind, string? district, ExportCarriers export, TimeProvider clock, CancellationToken ct) =>
            TypedResults.File(await export.RunAsync(kind, district, ct), Infrastructure.Files.ListWorkbook.ContentType, Infrastructure.Files.ListWorkbook.FileName("创新载体", "carriers", clock.GetUtcNow())))
            .RequireAuthorization(Policies.Public);
    }

    private static async Task<Results<Ok<Page<EnterpriseListItem>>, ProblemHttpResult>> ListEnterprisesAsync(
        [AsParameters] ListEnterprises.Query query, ListEnterprises list, CancellationToken cancellationToken)
    {
        var result = await list.RunAsync(query, cancellationToken);
        return result.Problems.Count > 0
            ? TypedResults.Problem(string.Join("; ", result.Problems.Select(InnoCluster.Infrastructure.UseCases.Bilingual.ForReader)), statusCode: StatusCodes.Status400BadRequest, title: "筛选条件无效 / Invalid filter")
            : TypedResults.Ok(result.Page);
    }

    private static async Task<Results<Ok<GetEnterprise.Details>, NotFound>> GetEnterpriseAsync(int id, GetEnterprise get, CancellationToken cancellationToken) =>
        await get.RunAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateProfileAsync(int id, UpdateEnterpriseProfile.Request request, System.Security.Claims.ClaimsPrincipal user, UpdateEnterpriseProfile update, CancellationToken cancellationToken) =>
        (await update.RunAsync(user, id, request, cancellationToken)).ToNoContent();

    /// <summary>200 with the change: confirmed at once when an official makes it, proposed (waiting for the office) when the firm does.</summary>
    private static async Task<Results<Ok<FactChangeView>, ProblemHttpResult>> UpdateFactsAsync(int id, UpdateEnterpriseFacts.Request request, System.Security.Claims.ClaimsPrincipal user, UpdateEnterpriseFacts update, CancellationToken cancellationToken) =>
        (await update.RunAsync(user, id, request, cancellationToken)).ToOk(view => view);

    private static async Task<Results<Ok<IReadOnlyList<FactChangeView>>, NotFound>> FirmFactChangesAsync(int id, System.Security.Claims.ClaimsPrincipal user, ListFactChanges list, CancellationToken cancellationToken) =>
        await list.ForFirmAsync(user, id, cancellationToken) is { } changes ? TypedResults.Ok(changes) : TypedResults.NotFound();

    private static async Task<Results<Ok<FactChangeView>, ProblemHttpResult>> DecideFactAsync(Task<Result<FactChangeView>> deciding) => (await deciding).ToOk(view => view);

    private static async Task<FileStreamHttpResult> ExportAsync([AsParameters] ListEnterprises.Query query, ExportEnterprises export, TimeProvider clock, AuditTrail audit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var count = await export.WriteAsync(query, buffer, cancellationToken);
        await audit.RecordAsync("export", "enterprises", null, "ok", $"{count} rows; q={query.Q};district={query.District};tier={query.Tier};node={query.Node}", cancellationToken);
        buffer.Position = 0;
        var name = $"enterprises-{clock.GetUtcNow():yyyyMMdd-HHmmss}.xlsx";
        return TypedResults.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>Answers with the report; with "Prefer: respond-async", at once with 202 and the job to follow.</summary>
    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, Accepted<JobReference>, ProblemHttpResult>> ImportAsync(
        IFormFile? file, [FromQuery] bool? dryRun, [FromQuery] string? mapping, HttpRequest request, EnterpriseImport import, JobQueue queue, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return TypedResults.Problem("请以 multipart 表单字段 file 上传表格 / Send the spreadsheet as multipart form field 'file'.", statusCode: StatusCodes.Status400BadRequest, title: "缺少文件 / No file");
        }

        if (JobReference.Requested(request))
        {
            return JobReference.Accepted(await EnterpriseImportJob.EnqueueAsync(queue, file, mapping, dryRun ?? true, cancellationToken));
        }

        await using var stream = file.OpenReadStream();
        var report = await import.RunAsync(file.FileName, stream, mapping, dryRun ?? true, cancellationToken);
        return report.HasErrors ? TypedResults.UnprocessableEntity(report) : TypedResults.Ok(report);
    }

    private static async Task<Ok<IReadOnlyList<ImportMappings.MappingDto>>> ListMappingsAsync(ImportMappings mappings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mappings.ListAsync(cancellationToken));

    private static async Task<Results<NoContent, ValidationProblem>> SaveMappingAsync(string name, ImportMappings.MappingDto body, ImportMappings mappings, CancellationToken cancellationToken)
    {
        var problems = await mappings.SaveAsync(body with { Name = name }, cancellationToken);
        return problems.Count == 0
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mapping"] = [.. problems] });
    }

    private static async Task<Results<Ok<ChainMap.Result>, NotFound>> ChainAsync(string? district, ChainMap map, CancellationToken cancellationToken) =>
        await map.RunAsync(district, cancellationToken) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<ListDistricts.Item>>> DistrictsAsync(ListDistricts districts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await districts.RunAsync(cancellationToken));

    private static async Task<Ok<IReadOnlyList<ListCarriers.Item>>> CarriersAsync(string? kind, string? district, ListCarriers carriers, CancellationToken cancellationToken) =>
        TypedResults.Ok(await carriers.RunAsync(kind, district, cancellationToken));
}
