using InnoCluster.Text;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calculator;

/// <summary>The extractor reads a document and proposes its support clauses, for an official to confirm (machine-read: status Proposed).</summary>
public sealed class ProposeClauses(InnoClusterDbContext db, TimeProvider clock, ClauseFields fields, IDocumentLibrary documents)
{
    /// <summary>
    /// Proposes clauses from the document's current text, skipping sentences it has proposed before.
    /// Returns the new clauses (status Proposed), or null when there is no such document.
    /// </summary>
    public async Task<IReadOnlyList<PolicyClause>?> RunAsync(int documentId, string editor, CancellationToken cancellationToken)
    {
        if (await documents.TextAsync(documentId, cancellationToken) is not { } document)
        {
            return null;
        }

        var text = document.Text;
        var (districts, nodes) = await fields.NamesAsync(cancellationToken, text);
        var known = (await db.Set<PolicyClause>().Where(c => c.DocumentId == documentId).Select(c => c.SourceQuote).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var created = new List<PolicyClause>();
        foreach (var proposal in ClauseExtractor.Propose(text, districts, nodes))
        {
            if (!known.Add(proposal.Sentence))
            {
                continue;
            }

            var clause = new PolicyClause
            {
                DocumentId = documentId,
                DocumentTitle = document.Title,
                SourceQuote = proposal.Sentence,
                SourceStart = proposal.Start,
                SourceLength = proposal.Length,
                CreatedAt = clock.GetUtcNow(),
            };
            var terms = new ClauseTerms(ReadableText.Simplified(proposal.Title), null, proposal.Support, proposal.Conditions, document.DocumentDate, null, null, document.IssuingBody, ClauseStatus.Proposed);
            clause.Revise(terms, editor, clock.GetUtcNow());
            db.Add(clause);
            created.Add(clause);
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
