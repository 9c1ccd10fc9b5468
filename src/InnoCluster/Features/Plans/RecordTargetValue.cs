using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>An official records a reported value of a target with the document and sentence it comes from.</summary>
public sealed class RecordTargetValue(InnoClusterDbContext db, TimeProvider clock, Documents.GetDocument documents)
{
    /// <summary>A reported value: <c>value</c> as written with its unit ("2300亿元", "39家"), date, and source.</summary>
    public sealed record Request(string? Value, DateOnly? ObservedOn, int? DocumentId, string? Quote, string? Note);

    /// <summary>
    /// Adds a reported value. The value is read with its unit (万/亿 parsed once, in the text library); a value
    /// in another unit than the target's is refused, a date in the future too. Reports are never overwritten:
    /// a later report for the same date stands beside the earlier one, newest first.
    /// </summary>
    public async Task<Result> RunAsync(int targetId, Request request, string recordedBy, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var target = await db.Set<PlanTarget>().SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return Problem.NotFound();
        }

        var today = InnoCluster.Infrastructure.BeijingTime.Today(clock);
        if (target.ReadReportedValue(request.Value, out var quantity) is { } valueProblem)
        {
            problems["value"] = [valueProblem];
        }

        if (request.ObservedOn is not { } on)
        {
            problems["observedOn"] = ["日期必填 (observedOn is required)"];
        }
        else if (on > today)
        {
            problems["observedOn"] = [$"日期 {on:yyyy-MM-dd} 在未来 (observedOn is in the future)"];
        }

        (int DocumentId, int? SentenceStart, int? QuoteEnd)? located = null;
        if (request.DocumentId is { } documentId)
        {
            // A reported figure is traceable to its sentence: the quote must stand in the document's text.
            located = await documents.LocateAsync(documentId, request.Quote, cancellationToken);
            if (located is null)
            {
                problems["documentId"] = [$"文档 {documentId} 不存在 (no such document)"];
            }
            else if (!string.IsNullOrWhiteSpace(request.Quote) && located.Value.SentenceStart is null)
            {
                problems["quote"] = [$"文档 {documentId} 中找不到引文“{Shorten(request.Quote)}” (the quote is not in the document's text)"];
            }
        }

        if (problems.Count > 0)
        {
            return Problem.Fields(problems);
        }

        db.Add(new IndicatorObservation
        {
            TargetId = targetId,
            ObservedOn = request.ObservedOn!.Value,
            Value = quantity!.Value,
            Qualifier = quantity.Qualifier,
            DocumentId = request.DocumentId,
            Quote = request.Quote?.Trim(),
            QuoteStart = located?.SentenceStart,
            QuoteEnd = located?.QuoteEnd,
            Note = request.Note?.Trim(),
            RecordedBy = recordedBy,
            RecordedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
