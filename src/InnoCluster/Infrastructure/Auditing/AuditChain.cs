using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Infrastructure.Auditing;

/// <summary>
/// Seals audit rows into a keyed hash chain and checks it. Each row's hash is an HMAC of its fields and
/// the previous row's hash under <see cref="AuditKey"/>: editing a row breaks the chain, and without the
/// key nobody can recompute it. The anchors (<see cref="AuditAnchors"/>), written outside the database,
/// reveal rows deleted from the end and a chain rebuilt from some row on.
/// </summary>
public sealed class AuditChain(AuditKey key, AuditAnchors anchors)
{
    /// <summary>The action of the entry that records a purge of old rows ("through=N;hash=H").</summary>
    public const string PurgeAction = "audit-purged";

    public string HashOf(AuditEntry entry) => key.Mac(entry.Canonical());

    /// <summary>
    /// Numbers and hashes new rows after the last stored one. The caller holds the database's write
    /// lock (a PostgreSQL advisory lock or SQLite's write transaction), so sequences never collide.
    /// </summary>
    public async Task SealAsync(InnoClusterDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var last = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? "";
        foreach (var entry in entries)
        {
            // PostgreSQL keeps microseconds, .NET ticks are 100 ns: hash what the database will return.
            entry.At = new DateTimeOffset(entry.At.UtcTicks - (entry.At.UtcTicks % 10), TimeSpan.Zero);
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = HashOf(entry);
            previous = entry.Hash;
        }
    }

    public sealed record Verification(bool Intact, long Rows, long FirstSequence, long LastSequence, int Anchors, IReadOnlyList<string> Problems);

    /// <summary>Recomputes every keyed hash and link in sequence order (reading the table in pages), then checks the anchors.</summary>
    public async Task<Verification> VerifyAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var purges = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == PurgeAction).Select(e => e.Detail).ToListAsync(cancellationToken);
        var anchorList = anchors.Read(problems);
        var anchored = anchorList.GroupBy(a => a.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        long rows = 0, first = 0, lastSequence = 0;
        string? previousHash = null;
        const int pageSize = 5000;
        while (true)
        {
            var page = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence > lastSequence)
                .OrderBy(e => e.Sequence).Take(pageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var entry in page)
            {
                rows++;
                if (rows == 1)
                {
                    first = entry.Sequence;
                    var purgedThrough = $"through={entry.Sequence - 1};hash={entry.PreviousHash}";
                    if (entry.Sequence != 1 && !purges.Contains(purgedThrough))
                    {
                        problems.Add($"sequence {entry.Sequence}: the chain does not start at 1 and no purge of the rows before it is recorded — rows were deleted");
                    }
                }
                else
                {
                    if (entry.Sequence != lastSequence + 1)
                    {
                        problems.Add($"sequence {lastSequence + 1}–{entry.Sequence - 1}: missing — rows were deleted");
                    }

                    if (entry.PreviousHash != previousHash)
                    {
                        problems.Add($"sequence {entry.Sequence}: does not link to the row before it");
                    }
                }

                if (!string.Equals(HashOf(entry), entry.Hash, StringComparison.Ordinal))
                {
                    problems.Add($"sequence {entry.Sequence}: its content does not match its keyed hash — the row was edited, or written without the audit key");
                }

                if (anchored.TryGetValue(entry.Sequence, out var seen))
                {
                    foreach (var anchor in seen.Where(a => !string.Equals(a.Hash, entry.Hash, StringComparison.Ordinal)))
                    {
                        problems.Add($"sequence {entry.Sequence}: differs from the anchor written at {anchor.At:yyyy-MM-dd HH:mm:ss}Z — the chain was rewritten from this row or before");
                    }
                }

                previousHash = entry.Hash;
                lastSequence = entry.Sequence;
            }
        }

        foreach (var anchor in anchorList.Where(a => a.Sequence > lastSequence))
        {
            problems.Add($"the chain ends at sequence {lastSequence}, but the anchor written at {anchor.At:yyyy-MM-dd HH:mm:ss}Z saw it reach {anchor.Sequence} ({anchor.Rows} rows) — the newest rows were deleted");
        }

        return new Verification(problems.Count == 0, rows, first, lastSequence, anchorList.Count, problems.Distinct(StringComparer.Ordinal).ToList());
    }
}
