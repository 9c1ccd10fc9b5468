using System.Text.Json;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Infrastructure.Auditing;

/// <summary>
/// Anchors of the audit chain outside the database: the head's sequence, hash and row count, appended to a
/// file (one JSON line each, MAC'd with the audit key) and written to the log. `audit verify` compares
/// the chain with them, so deleting the newest rows, or rebuilding the chain, shows.
/// </summary>
public sealed class AuditAnchors(AuditKey key, IOptions<AuditOptions> options, InnoClusterPaths paths, TimeProvider clock, ILogger<AuditAnchors> logger)
{
    private readonly Lock _fileLock = new();

    public sealed record Anchor(long Sequence, string Hash, long Rows, DateTimeOffset At, string Mac);

    public string File => options.Value.AnchorFile ?? Path.Combine(paths.DataDirectory, "audit-anchors.jsonl");

    private static string Signed(long sequence, string hash, long rows, DateTimeOffset at) =>
        $"anchor|{sequence}|{hash}|{rows}|{at.UtcTicks}";

    /// <summary>Appends the chain's head when it moved since the last anchor; returns it (null for an empty chain).</summary>
    public async Task<Anchor?> WriteAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        var head = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var written = Read([]);
        var last = written.Count > 0 ? written[^1] : null;
        if (last is not null && last.Sequence == head.Sequence && last.Hash == head.Hash)
        {
            return last;
        }

        var rows = await db.Set<AuditEntry>().LongCountAsync(cancellationToken);
        var at = clock.GetUtcNow();
        var anchor = new Anchor(head.Sequence, head.Hash, rows, at, key.Mac(Signed(head.Sequence, head.Hash, rows, at)));
        Append(JsonSerializer.Serialize(anchor) + "\n");

        logger.LogInformation("Audit anchor: sequence {Sequence}, hash {Hash}, {Rows} rows", anchor.Sequence, anchor.Hash, anchor.Rows);
        return anchor;
    }

    /// <summary>One line, appended whole: a small write under a lock, so two anchors never interleave.</summary>
    private void Append(string line)
    {
        lock (_fileLock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(File))!);
            System.IO.File.AppendAllText(File, line);
        }
    }

    /// <summary>Every anchor written so far; a line that is not one of ours (bad MAC, garbled) is reported in <paramref name="problems"/>.</summary>
    public IReadOnlyList<Anchor> Read(List<string> problems)
    {
        if (!System.IO.File.Exists(File))
        {
            return [];
        }

        var anchors = new List<Anchor>();
        var lines = System.IO.File.ReadAllLines(File);

        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            Anchor? anchor = null;
            try
            {
                anchor = JsonSerializer.Deserialize<Anchor>(lines[i]);
            }
            catch (JsonException)
            {
            }

            if (anchor is null || !string.Equals(anchor.Mac, key.Mac(Signed(anchor.Sequence, anchor.Hash, anchor.Rows, anchor.At)), StringComparison.Ordinal))
            {
                problems.Add($"{File} line {i + 1}: not a valid anchor (altered, or written with another key)");
                continue;
            }

            anchors.Add(anchor);
        }

        return anchors;
    }
}

/// <summary>Anchors the audit chain every few minutes while the server runs, and once more when it stops.</summary>
public sealed class AuditAnchoring(IServiceScopeFactory scopes, IOptions<AuditOptions> options, ILogger<AuditAnchoring> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.AnchorMinutes)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await AnchorAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await AnchorAsync(cancellationToken);
    }

    private async Task AnchorAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditAnchors>().WriteAsync(scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>(), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException)
        {
            // An anchor missed is retried at the next tick; the chain itself is unaffected.
            logger.LogWarning(ex, "Could not anchor the audit chain");
        }
    }
}
