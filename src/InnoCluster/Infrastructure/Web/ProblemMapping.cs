using InnoCluster.Infrastructure.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCluster.Infrastructure.Web;

/// <summary>The one mapping from a use case's <see cref="Problem"/> to HTTP problem details (RFC 9457), in the client's language.</summary>
public static class ProblemMapping
{
    public static int Status(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => StatusCodes.Status400BadRequest,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.Unsupported => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>Problem details with the status, a title, the message, and the field's errors when it names one.</summary>
    public static ProblemHttpResult ToHttp(this Problem problem)
    {
        ProblemDetails details = problem.Field is null && problem.Errors is null ? new ProblemDetails()
            : new HttpValidationProblemDetails(problem.AsFieldErrors().GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal));
        details.Status = Status(problem.Kind);
        details.Title = problem.Kind switch
        {
            ProblemKind.Invalid => Ui.L("有字段填写有误", "One or more fields are invalid."),
            ProblemKind.Forbidden => Ui.L("无权操作", "Forbidden"),
            ProblemKind.NotFound => Ui.L("未找到", "Not found"),
            ProblemKind.Conflict => Ui.L("与当前状态冲突", "Conflict"),
            ProblemKind.Unprocessable => Ui.L("内容无法处理", "Unprocessable content"),
            ProblemKind.TooLarge => Ui.L("内容过大", "Too large"),
            ProblemKind.Unsupported => Ui.L("不支持的内容类型", "Unsupported content"),
            _ => Ui.L("请求有误", "Bad request"),
        };
        details.Detail = problem.Text;
        return TypedResults.Problem(details);
    }

    /// <summary>Every problem the platform answers with — a use case's or an endpoint's own — in the reader's language.</summary>
    public static void InReadersLanguage(ProblemDetails details)
    {
        details.Title = details.Title is { } title ? Bilingual.ForReader(title) : null;
        details.Detail = details.Detail is { } detail ? Bilingual.ForReader(detail) : null;
        if (details is HttpValidationProblemDetails validation)
        {
            foreach (var field in validation.Errors.Keys.ToList())
            {
                validation.Errors[field] = [.. validation.Errors[field].Select(Bilingual.ForReader)];
            }
        }
    }

    /// <summary>204 when the use case did it, its problem otherwise.</summary>
    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Result result) =>
        result.Problem is { } problem ? problem.ToHttp() : TypedResults.NoContent();

    /// <summary>200 with the use case's value, its problem otherwise.</summary>
    public static Results<Ok<TOut>, ProblemHttpResult> ToOk<T, TOut>(this Result<T> result, Func<T, TOut> select) =>
        result.Problem is { } problem ? problem.ToHttp() : TypedResults.Ok(select(result.Value!));

    /// <summary>201 with the created thing and where it now lives, the use case's problem otherwise.</summary>
    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location) =>
        result.Problem is { } problem ? problem.ToHttp() : TypedResults.Created(location(result.Value!), result.Value);

    /// <summary>201 with what the caller shows of the created thing and where it now lives, the use case's problem otherwise.</summary>
    public static Results<Created<TOut>, ProblemHttpResult> ToCreated<T, TOut>(this Result<T> result, Func<T, TOut> select, Func<T, string> location) =>
        result.Problem is { } problem ? problem.ToHttp() : TypedResults.Created(location(result.Value!), select(result.Value!));
}

/// <summary>The same problems on pages: no such object and not allowed become the page's 404 and 403; the rest are shown on the page.</summary>
public static class ProblemPages
{
    /// <summary>The page's answer for a problem that ends the request, or null when the page shows the problem itself.</summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult? AsPageResult(this Problem problem, Microsoft.AspNetCore.Mvc.RazorPages.PageModel page) => problem.Kind switch
    {
        ProblemKind.NotFound => page.NotFound(),
        ProblemKind.Forbidden => page.Forbid(),
        _ => null,
    };
}
