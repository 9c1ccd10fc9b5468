using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>Reads the audit trail for the audit administrator, newest first; every read is itself audited.</summary>
public sealed class ReadAuditLog(InnoClusterDbContext db, AuditTrail trail, AuditChain chain)
{
    public sealed record Filter(string? Action = null, string? Actor = null, string? Subject = null, long? Before = null, int? Take = null);

    public sealed record AuditRow(long Sequence, DateTimeOffset At, string? ActorId, string ActorName, string Action, string Subject, string? SubjectId, string? Changes, string? Address, string Result, string? Detail);

    public async Task<IReadOnlyList<AuditRow>> ExecuteAsync(Filter filter, CancellationToken cancellationToken)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(e => e.ActorName == filter.Actor || e.ActorId == filter.Actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            query = query.Where(e => e.Subject == filter.Subject);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(e => e.Sequence < before);
        }

        var rows = await query.OrderByDescending(e => e.Sequence).Take(Math.Clamp(filter.Take ?? 100, 1, 1000))
            .Select(e => new AuditRow(e.Sequence, e.At, e.ActorId, e.ActorName, e.Action, e.Subject, e.SubjectId, e.Changes, e.Address, e.Result, e.Detail))
            .ToListAsync(cancellationToken);
        await trail.RecordAsync("audit-read", "audit_entries", null, "ok", $"action={filter.Action};actor={filter.Actor};subject={filter.Subject};before={filter.Before}", cancellationToken);
        return rows;
    }

    public Task<AuditChain.Verification> VerifyAsync(CancellationToken cancellationToken) => chain.VerifyAsync(db, cancellationToken);
}
