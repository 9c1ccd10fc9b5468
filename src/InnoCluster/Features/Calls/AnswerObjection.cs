using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>The office answers an objection (upheld or not), and lists a call's objections with who filed them.</summary>
public sealed class AnswerObjection(InnoClusterDbContext db, PersonalData personal, TimeProvider clock)
{
    public sealed record Request(string? Answer, bool Upheld);

    public sealed record View(int Id, int CallId, int? ApplicationId, string Text, string? FiledBy, string? Contact, DateTimeOffset FiledAt, string? Answer, bool? Upheld, DateTimeOffset? AnsweredAt, string? AnsweredBy);

    public async Task<Result<View>> RunAsync(int id, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        if (await db.Set<Objection>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } objection)
        {
            return Problem.NotFound();
        }

        if (objection.Reply(request.Answer, request.Upheld, clock.GetUtcNow(), actor) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ViewOf(objection);
    }

    public async Task<IReadOnlyList<View>> ListAsync(int callId, CancellationToken cancellationToken) =>
        [.. (await db.Set<Objection>().AsNoTracking().Where(o => o.CallId == callId).OrderBy(o => o.Id).ToListAsync(cancellationToken)).Select(ViewOf)];

    private View ViewOf(Objection o) =>
        new(o.Id, o.CallId, o.ApplicationId, o.Text, personal.Unprotect(o.FiledByProtected), personal.Unprotect(o.ContactProtected), o.FiledAt, o.Answer, o.Upheld, o.AnsweredAt, o.AnsweredBy);
}
