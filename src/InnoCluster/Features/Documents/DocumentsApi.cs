using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCluster.Features.Documents;

public static class DocumentsApi
{
    public static void MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Documents");
        api.MapGet("/search", SearchAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/search/export", ExportAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/passages", PassagesAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/documents/{id:int}", GetAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/reported-figures", async (ListReportedFigures list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct))).RequireAuthorization(Policies.Public);
        api.MapGet("/documents/{id:int}/related", RelatedAsync).RequireAuthorization(Policies.Public);
        api.MapPost("/documents/facts/reread", RereadFactsAsync).RequireAuthorization(Policies.Official);
        api.MapPost("/documents", IngestAsync).RequireAuthorization(Policies.Official).DisableAntiforgery().WithMetadata(new BodyLimitAttribute(BodyKind.Documents));
    }

    private static async Task<Results<Ok<DocumentSearch.Result>, ProblemHttpResult>> SearchAsync([AsParameters] DocumentSearch.Query query, DocumentSearch search, CancellationToken ct)
    {
        var result = await search.RunAsync(query, ct);
        return result.Problems.Count > 0
            ? TypedResults.Problem(string.Join("; ", result.Problems.Select(InnoCluster.Infrastructure.UseCases.Bilingual.ForReader)), statusCode: StatusCodes.Status400BadRequest, title: "检索条件无效 / Invalid search")
            : TypedResults.Ok(result);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync([AsParameters] DocumentSearch.Query query, ExportSearchResults export, CancellationToken ct)
    {
        using var output = new MemoryStream();
        var problems = await export.WriteAsync(query, output, ct);
        return problems.Count > 0
            ? TypedResults.Problem(string.Join("; ", problems.Select(InnoCluster.Infrastructure.UseCases.Bilingual.ForReader)), statusCode: StatusCodes.Status400BadRequest, title: "检索条件无效 / Invalid search")
            : TypedResults.File(output.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "search-results.xlsx");
    }

    private static async Task<Results<Ok<RereadDocumentFacts.Summary>, ProblemHttpResult>> RereadFactsAsync(int? documentId, RereadDocumentFacts reread, CancellationToken ct) =>
        (await reread.RunAsync(documentId, ct)).ToOk(summary => summary);

    private static async Task<Ok<IReadOnlyList<DocumentSearch.PassageHit>>> PassagesAsync(string q, int? take, DocumentSearch search, CancellationToken ct) =>
        TypedResults.Ok(await search.PassagesAsync(q, take ?? 10, ct));

    private static async Task<Results<Ok<GetDocument.Details>, NotFound>> GetAsync(int id, int? version, GetDocument get, CancellationToken ct) =>
        await get.RunAsync(id, version, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<DocumentSearch.Related>>> RelatedAsync(int id, DocumentSearch search, CancellationToken ct) =>
        TypedResults.Ok(await search.RelatedAsync(id, 8, ct));

    /// <summary>Multipart field(s) "file": each file is ingested on its own; the answer lists each result (or, with "Prefer: respond-async", the job).</summary>
    private static async Task<Results<Ok<List<IngestResult>>, UnprocessableEntity<List<IngestResult>>, Accepted<JobReference>, ProblemHttpResult>> IngestAsync(HttpRequest request, DocumentIngestion ingestion, JobQueue queue, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.Form.Files.Count == 0)
        {
            return TypedResults.Problem("请以 multipart 表单字段 file 上传文件 / Send the files as multipart form field 'file'.", statusCode: StatusCodes.Status400BadRequest, title: "缺少文件 / No file");
        }

        var inputs = await JobInputs.ReadAsync(request.Form.Files, ct);
        if (JobReference.Requested(request))
        {
            return JobReference.Accepted(await DocumentBatchJob.EnqueueAsync(queue, inputs, ct));
        }

        var results = new List<IngestResult>();
        foreach (var file in inputs)
        {
            results.Add(await ingestion.IngestAsync(file.Name, file.Content, null, ct));
        }

        return results.Any(r => r.Outcome == IngestOutcome.Rejected) ? TypedResults.UnprocessableEntity(results) : TypedResults.Ok(results);
    }
}
