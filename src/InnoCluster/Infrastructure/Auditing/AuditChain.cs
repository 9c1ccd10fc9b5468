using System.Security.Cryptography;
using System.Text;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Infrastructure.Auditing;

/// <summary>Seals audit rows into the hash chain and checks the chain.</summary>
public static class AuditChain
{
    /// <summary>The action of the entry that records a purge of old rows ("through=N;hash=H").</summary>
    public const string PurgeAction = "audit-purged";

    public static string HashOf(AuditEntry entry) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(entry.Canonical()))).ToLowerInvariant();

    /// <summary>
    /// Numbers and hashes new rows after the last stored one. The caller holds the database's write
    /// lock (a PostgreSQL advisory lock or SQLite's write transaction), so sequences never collide.
    /// </summary>
    public static async Task SealAsync(InnoClusterDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
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

    public sealed record Verification(bool Intact, long Rows, long FirstSequence, long LastSequence, IReadOnlyList<string> Problems);

    /// <summary>Recomputes every hash and link, in sequence order, reading the table in pages.</summary>
    public static async Task<Verification> VerifyAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var purges = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == PurgeAction).Select(e => e.Detail).ToListAsync(cancellationToken);
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

                if (HashOf(entry) != entry.Hash)
                {
                    problems.Add($"sequence {entry.Sequence}: its content does not match its hash — the row was edited");
                }

                previousHash = entry.Hash;
                lastSequence = entry.Sequence;
            }
        }

        return new Verification(problems.Count == 0, rows, first, lastSequence, problems);
    }
}
