using System.Security.Claims;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.Registry;

/// <summary>Carriers one by one: anyone reads one; officials create and edit them and record their stages.</summary>
public static class CarriersApi
{
    public static IEndpointRouteBuilder MapCarriersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/carriers").WithTags("Registry");
        api.MapGet("/{id:int}", async Task<Results<Ok<ListCarriers.Item>, NotFound>> (int id, ListCarriers list, CancellationToken ct) =>
            (await list.RunAsync(null, null, ct, id)) is [var item] ? TypedResults.Ok(item) : TypedResults.NotFound()).RequireAuthorization(Policies.Public);
        api.MapPost("/", async Task<Results<Created<ListCarriers.Item>, ProblemHttpResult>> (SaveCarrier.Request body, SaveCarrier save, ListCarriers list, CancellationToken ct) =>
            (await ReadAsync(await save.RunAsync(null, body, ct), list, ct)).ToCreated(item => $"/api/carriers/{item.Id}")).RequireAuthorization(Policies.Official);
        api.MapPut("/{id:int}", async Task<Results<Ok<ListCarriers.Item>, ProblemHttpResult>> (int id, SaveCarrier.Request body, SaveCarrier save, ListCarriers list, CancellationToken ct) =>
            (await ReadAsync(await save.RunAsync(id, body, ct), list, ct)).ToOk(item => item)).RequireAuthorization(Policies.Official);
        api.MapPost("/{id:int}/stages", async Task<Results<Ok<ListCarriers.Item>, ProblemHttpResult>> (int id, RecordCarrierStage.Request body, ClaimsPrincipal user, RecordCarrierStage record, ListCarriers list, CancellationToken ct) =>
            (await ReadAsync(await record.RunAsync(user, id, body, ct), list, ct)).ToOk(item => item)).RequireAuthorization(Policies.Official);
        api.MapPost("/{id:int}/capacity", async Task<Results<Ok<ListCarriers.Item>, ProblemHttpResult>> (int id, RecordCarrierCapacity.Request body, ClaimsPrincipal user, RecordCarrierCapacity record, ListCarriers list, CancellationToken ct) =>
            (await ReadAsync(await record.RunAsync(user, id, body, ct), list, ct)).ToOk(item => item)).RequireAuthorization(Policies.Official);
        api.MapGet("/import-template", async (CancellationToken ct) =>
        {
            var stream = new MemoryStream();
            await CarrierSheet.WriteTemplateAsync(stream, ct);
            stream.Position = 0;
            return TypedResults.File(stream, Import.ImportWorkbooks.ContentType, CarrierSheet.SheetName + "导入模板.xlsx");
        }).RequireAuthorization(Policies.Official);
        api.MapPost("/import", async Task<Results<Ok<Import.ImportReport>, UnprocessableEntity<Import.ImportReport>, ProblemHttpResult>> (
            IFormFile? file, bool? dryRun, ClaimsPrincipal user, ImportCarriers import, CancellationToken ct) =>
        {
            if (file is null)
            {
                return TypedResults.Problem("请以 multipart 表单字段 file 上传表格 / Send the spreadsheet as multipart form field 'file'.", statusCode: StatusCodes.Status400BadRequest, title: "缺少文件 / No file");
            }

            await using var stream = file.OpenReadStream();
            var report = await import.RunAsync(file.FileName, stream, dryRun ?? true, user.FindFirstValue(ClaimTypes.Email) ?? "official", ct);
            return report.HasErrors ? TypedResults.UnprocessableEntity(report) : TypedResults.Ok(report);
        }).RequireAuthorization(Policies.Official).DisableAntiforgery().WithMetadata(new BodyLimitAttribute(BodyKind.Import));
        return app;
    }

    /// <summary>The carrier as the list shows it, after a use case saved it.</summary>
    private static async Task<Result<ListCarriers.Item>> ReadAsync(Result<int> saved, ListCarriers list, CancellationToken ct) =>
        saved.Problem is { } problem ? problem : (await list.RunAsync(null, null, ct, saved.Value)).Single();
}
