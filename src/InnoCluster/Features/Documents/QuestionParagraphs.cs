using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

/// <summary>
/// The paragraphs holding any of a question's words, best first (BM25 over paragraphs, those holding more of the
/// words first), each with its document. An answer usually stands in one article: a document is ranked by its best
/// paragraph beside its own score (passage-level scoring combined into the document's), and a paragraph by how well
/// its document answers.
/// </summary>
public sealed class QuestionParagraphs(InnoClusterDbContext db, DocumentPassageIndex passageIndex)
{
    /// <summary>How many paragraphs a question weighs.</summary>
    public const int Window = 200;

    /// <summary>How much a document's best paragraph counts beside its own score, each as a share of the best found (measured on the question set: README, "Search quality").</summary>
    public const double ParagraphWeight = 1.0;

    public sealed record Paragraph(int Id, int DocumentId, double Rank);

    /// <summary>A search of the question's paragraphs under way (<see cref="StartAsync"/>), read with <see cref="FinishAsync"/>.</summary>
    public sealed record Started(Task<List<SearchMatch>> Window);

    /// <summary>
    /// Starts the search of the question's paragraphs, which then runs beside the caller's next use of the database (the
    /// documents' own search): two searches of their own indexes at once instead of one after the other. Paragraphs
    /// listed as answers are ranked with less discount for length than those that weigh their documents
    /// (<see cref="Bm25.Passages"/>: better for the paragraphs, worse for the documents on the question set).
    /// </summary>
    public async Task<Started> StartAsync(IReadOnlyList<QueryTerm> terms, bool asAnswers, CancellationToken cancellationToken) =>
        new(await passageIndex.StartFindAsync(db, terms, anyWord: true, Window, asAnswers ? Bm25.Passages : Bm25.Standard, cancellationToken));

    /// <summary>The paragraphs found, each with its document.</summary>
    public async Task<IReadOnlyList<Paragraph>> FinishAsync(Started started, CancellationToken cancellationToken)
    {
        var window = await started.Window;
        var ids = window.Select(m => m.Id).ToList();
        var owners = await db.Set<DocumentPassage>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.DocumentId }).ToDictionaryAsync(p => p.Id, p => p.DocumentId, cancellationToken);
        return [.. window.Where(m => owners.ContainsKey(m.Id)).Select(m => new Paragraph(m.Id, owners[m.Id], m.Rank))];
    }

    /// <summary>
    /// The engine's first <paramref name="first"/> documents, and (<paramref name="addFromParagraphs"/>) those further down
    /// whose paragraphs are among the best, ordered by their share of the best document score plus
    /// <see cref="ParagraphWeight"/> times their best paragraph's share of the best paragraph score; the rest after, as found.
    /// </summary>
    public static IReadOnlyList<FacetedHit> RankDocuments(IReadOnlyList<FacetedHit> documents, IReadOnlyList<Paragraph> paragraphs, int first, bool addFromParagraphs)
    {
        var bestParagraph = paragraphs.Select(p => p.Rank).DefaultIfEmpty(0).Max();
        var byDocument = paragraphs.GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => bestParagraph > 0 ? g.Max(p => p.Rank) / bestParagraph : 0);
        var top = documents.Take(first).ToList();
        var bestDocument = top.Select(h => h.Rank).DefaultIfEmpty(0).Max();
        var ranked = top.Select(h => h with { Rank = (bestDocument > 0 ? h.Rank / bestDocument : 0) + (ParagraphWeight * byDocument.GetValueOrDefault(h.Id)) }).ToList();
        if (addFromParagraphs)
        {
            var held = top.Select(h => h.Id).ToHashSet();
            ranked.AddRange(byDocument.Where(d => !held.Contains(d.Key)).Select(d => new FacetedHit(d.Key, ParagraphWeight * d.Value)));
        }

        var placed = ranked.Select(h => h.Id).ToHashSet();
        return [.. ranked.OrderByDescending(h => h.Rank), .. documents.Skip(first).Where(h => !placed.Contains(h.Id))];
    }
}
