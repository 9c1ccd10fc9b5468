using System.Security.Claims;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.Registry;

/// <summary>
/// A firm's designations, certifications, standards and filings: everyone reads the confirmed ones; the firm
/// proposes and an official enters directly; an official confirms, rejects or ends.
/// </summary>
public static class RecordsApi
{
    public static IEndpointRouteBuilder MapRecordsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises/{id:int}").WithTags("Registry records");
        api.MapPost("/designations", (int id, DesignationRequest body, ClaimsPrincipal user, AddEnterpriseRecord add, CancellationToken ct) =>
            Created(id, add.RunAsync(user, id, body, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/certifications", (int id, CertificationRequest body, ClaimsPrincipal user, AddEnterpriseRecord add, CancellationToken ct) =>
            Created(id, add.RunAsync(user, id, body, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/standards", (int id, StandardRequest body, ClaimsPrincipal user, AddEnterpriseRecord add, CancellationToken ct) =>
            Created(id, add.RunAsync(user, id, body, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/financing", (int id, FinancingRequest body, ClaimsPrincipal user, AddEnterpriseRecord add, CancellationToken ct) =>
            Created(id, add.RunAsync(user, id, body, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/filings", (int id, FilingRequest body, ClaimsPrincipal user, AddEnterpriseRecord add, CancellationToken ct) =>
            Created(id, add.RunAsync(user, id, body, ct))).RequireAuthorization(Policies.SignedIn);

        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            var path = "/" + kind.ToString().ToLowerInvariant();
            app.MapGet($"/api/records{path}/import-template", async (CancellationToken ct) =>
            {
                var stream = new MemoryStream();
                await RecordSheet.WriteTemplateAsync(kind, stream, ct);
                stream.Position = 0;
                return TypedResults.File(stream, Import.ImportWorkbooks.ContentType, RecordSheet.SheetName(kind) + "导入模板.xlsx");
            }).WithTags("Registry records").RequireAuthorization(Policies.Official);
            app.MapPost($"/api/records{path}/import", async Task<Results<Ok<Import.ImportReport>, UnprocessableEntity<Import.ImportReport>, ProblemHttpResult>> (
                IFormFile? file, bool? dryRun, ClaimsPrincipal user, ImportEnterpriseRecords import, CancellationToken ct) =>
            {
                if (file is null)
                {
                    return TypedResults.Problem("请以 multipart 表单字段 file 上传表格 / Send the spreadsheet as multipart form field 'file'.", statusCode: StatusCodes.Status400BadRequest, title: "缺少文件 / No file");
                }

                await using var stream = file.OpenReadStream();
                var report = await import.RunAsync(kind, file.FileName, stream, dryRun ?? true, user.FindFirstValue(ClaimTypes.Email) ?? "official", ct);
                return report.HasErrors ? TypedResults.UnprocessableEntity(report) : TypedResults.Ok(report);
            }).WithTags("Registry records").RequireAuthorization(Policies.Official).DisableAntiforgery().WithMetadata(new BodyLimitAttribute(BodyKind.Import));
            api.MapGet(path, async Task<Results<Ok<IReadOnlyList<RecordView>>, NotFound>> (int id, ClaimsPrincipal user, ListEnterpriseRecords list, CancellationToken ct) =>
                await list.RunAsync(user, id, kind, ct) is { } sheet ? TypedResults.Ok(sheet.Records) : TypedResults.NotFound()).RequireAuthorization(Policies.Public);
            foreach (var decision in Enum.GetValues<DecideEnterpriseRecord.Decision>())
            {
                api.MapPost($"{path}/{{recordId:int}}/{decision.ToString().ToLowerInvariant()}", async Task<Results<Ok<RecordView>, ProblemHttpResult>> (
                    int id, int recordId, DecideEnterpriseRecord.Request? body, ClaimsPrincipal user, DecideEnterpriseRecord decide, CancellationToken ct) =>
                    (await decide.RunAsync(user, id, kind, recordId, decision, body ?? new(null, null), ct)).ToOk(view => view)).RequireAuthorization(Policies.Official);
            }
        }

        return app;
    }

    /// <summary>201 with the record; it is listed (with the firm's others of its kind) where the location points.</summary>
    private static async Task<Results<Created<RecordView>, ProblemHttpResult>> Created(int id, Task<Result<RecordView>> adding) =>
        (await adding).ToCreated(view => $"/api/enterprises/{id}/{view.Kind.ToString().ToLowerInvariant()}");
}
