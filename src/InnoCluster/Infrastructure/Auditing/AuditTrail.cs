using InnoCluster.Infrastructure.Data;

namespace InnoCluster.Infrastructure.Auditing;

/// <summary>Records events that are not row changes: sign-ins, denials, exports, sensitive reads, bulk imports.</summary>
public sealed class AuditTrail(InnoClusterDbContext db, IAuditActor actor, TimeProvider clock)
{
    /// <summary>Adds an audit row to the unit of work; it is written (and chained) with the next save.</summary>
    public AuditEntry Add(string action, string subject, string? subjectId = null, string result = "ok", string? detail = null, string? actorId = null, string? actorName = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actorId ?? actor.Id,
            ActorName = actorName ?? actor.Name,
            Address = actor.Address,
            Action = action,
            Subject = subject,
            SubjectId = subjectId,
            Result = result,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    /// <summary>Adds and saves at once.</summary>
    public async Task RecordAsync(string action, string subject, string? subjectId, string result, string? detail, CancellationToken cancellationToken, string? actorId = null, string? actorName = null)
    {
        Add(action, subject, subjectId, result, detail, actorId, actorName);
        await db.SaveChangesAsync(cancellationToken);
    }
}
