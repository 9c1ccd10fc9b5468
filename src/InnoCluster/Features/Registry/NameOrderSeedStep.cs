using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// Makes each enterprise's pinyin order key again when it was made under another ICU collation (a new
/// database column, a system upgrade): the step's version is the collation's, so it runs once per change.
/// Only rows whose key differs are written (in the seed run's transaction); a derived key is not an edit, so it
/// bypasses the audit trail.
/// </summary>
public sealed class NameOrderSeedStep : ISeedStep
{
    private const int Batch = 2000;

    public string Name => "enterprise-name-order";

    public int Order => 11;

    public int Version => PinyinOrder.Version;

    public IReadOnlyList<string> Files { get; } = [];

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var after = 0;
        while (await db.Set<Enterprise>().AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(Batch)
                   .Select(e => new { e.Id, e.Name, e.NameOrderKey }).ToListAsync(cancellationToken) is { Count: > 0 } rows)
        {
            foreach (var row in rows)
            {
                var key = PinyinOrder.KeyOf(row.Name);
                if (!key.AsSpan().SequenceEqual(row.NameOrderKey))
                {
                    await db.Set<Enterprise>().Where(e => e.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.NameOrderKey, key), cancellationToken);
                }
            }

            after = rows[^1].Id;
        }
    }
}
