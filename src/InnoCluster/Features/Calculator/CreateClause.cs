using System.Security.Claims;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calculator;

/// <summary>An official writes a clause by hand (optionally quoting the document it comes from); its first revision is recorded.</summary>
public sealed class CreateClause(InnoClusterDbContext db, TimeProvider clock, ClauseFields fields, IDocumentLibrary documents, Workspace.Announcements announcements)
{
    public async Task<Result<PolicyClause>> RunAsync(ClauseInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var problems = await fields.ValidateAsync(input, null, cancellationToken);
        if (problems.Count > 0)
        {
            return Problem.Fields(problems);
        }

        var clause = new PolicyClause { CreatedAt = clock.GetUtcNow() };
        if (input.DocumentId is { } documentId)
        {
            clause.DocumentId = documentId;
            clause.DocumentTitle = (await documents.TitlesAsync([documentId], cancellationToken))[documentId];
            clause.SourceQuote = input.SourceQuote?.Trim();
        }

        clause.Revise(await fields.TermsAsync(input, null, cancellationToken), ClauseEditor.Of(user), clock.GetUtcNow());
        db.Add(clause);
        await db.SaveChangesAsync(cancellationToken);
        if (clause.Status == ClauseStatus.Confirmed)
        {
            await announcements.AnnounceAsync("clause", clause.Id, clause.Revision, cancellationToken);
        }

        return clause;
    }
}
