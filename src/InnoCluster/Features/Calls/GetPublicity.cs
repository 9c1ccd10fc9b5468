using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>The public 公示 (and, after it, the result): who is proposed, until when objections are taken, how many were filed and answered.</summary>
public sealed class GetPublicity(InnoClusterDbContext db, TimeProvider clock)
{
    /// <param name="Candidate">For a talent programme, the person selected (a 公示 of talent names them).</param>
    public sealed record Entry(int ApplicationId, string EnterpriseName, string ProjectTitle, string? Candidate = null);

    public sealed record Result(int CallId, string Title, CallPhase Phase, DateTimeOffset? From, DateTimeOffset? Until, bool TakesObjections, IReadOnlyList<Entry> Selected, int Objections, int Answered);

    public async Task<Result?> RunAsync(int callId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var call = await db.Set<Call>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null || call.Status is not (CallStatus.Publicity or CallStatus.Decided))
        {
            return null;
        }

        var selected = await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId && a.Status == ApplicationStatus.Selected)
            .OrderBy(a => a.Id).Select(a => new Entry(a.Id, a.EnterpriseName, a.ProjectTitle, a.Candidate == null ? null : a.Candidate.Name)).ToListAsync(cancellationToken);
        var objections = await db.Set<Objection>().AsNoTracking().Where(o => o.CallId == callId).Select(o => o.Answer != null).ToListAsync(cancellationToken);
        return new Result(call.Id, call.Title, call.PhaseAt(now), call.PublicityFrom, call.PublicityUntil, call.TakesObjectionsAt(now), selected, objections.Count, objections.Count(a => a));
    }
}
