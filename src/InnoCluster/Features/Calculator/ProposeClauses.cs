using InnoCluster.Text;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calculator;

/// <summary>The extractor reads a document and proposes its support clauses, for an official to confirm (machine-read: status Proposed).</summary>
public sealed class ProposeClauses(InnoClusterDbContext db, TimeProvider clock, ClauseFields fields, IDocumentLibrary documents)
{
    /// <summary>
    /// Proposes clauses from the document's current text. A sentence proposed before is not proposed
    /// again; its proposal is re-read when no person has touched it yet (still proposed, last revised by
    /// the extractor), so a better extractor mends what it read before. Returns the new and re-read
    /// clauses (status Proposed), or null when there is no such document.
    /// </summary>
    public async Task<IReadOnlyList<PolicyClause>?> RunAsync(int documentId, string editor, CancellationToken cancellationToken)
    {
        if (await documents.TextAsync(documentId, cancellationToken) is not { } document)
        {
            return null;
        }

        var text = document.Text;
        var (districts, nodes) = await fields.NamesAsync(cancellationToken, text);
        var known = (await db.Set<PolicyClause>().Where(c => c.DocumentId == documentId && c.SourceQuote != null).ToListAsync(cancellationToken))
            .GroupBy(c => c.SourceQuote!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changed = new List<PolicyClause>();
        var now = clock.GetUtcNow();
        foreach (var proposal in ClauseExtractor.Propose(text, districts, nodes))
        {
            var terms = new ClauseTerms(ReadableText.Simplified(proposal.Title), proposal.Beneficiary is { } who ? ReadableText.Simplified(who) : null, proposal.Support, proposal.Conditions, document.DocumentDate, null, null, document.IssuingBody, ClauseStatus.Proposed);
            if (known.TryGetValue(proposal.Sentence, out var existing))
            {
                if (existing.Status == ClauseStatus.Proposed && ClauseEditor.IsExtractor(existing.UpdatedBy) && existing.Revise(terms, ClauseEditor.Extractor(editor), now))
                {
                    changed.Add(existing);
                }

                continue;
            }

            var clause = new PolicyClause
            {
                DocumentId = documentId,
                DocumentTitle = document.Title,
                SourceQuote = proposal.Sentence,
                SourceStart = proposal.Start,
                SourceLength = proposal.Length,
                CreatedAt = now,
            };
            clause.Revise(terms, ClauseEditor.Extractor(editor), now);
            known[proposal.Sentence] = clause;
            db.Add(clause);
            changed.Add(clause);
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
