using System.Security.Claims;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// A firm's records of one kind, or of all kinds for its record page: everyone sees the confirmed ones, held
/// or not (history is public); the firm's own accounts and officials also see proposals, returned ones with
/// the office's reason, and who entered each.
/// </summary>
public sealed class ListEnterpriseRecords(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record Sheet(int EnterpriseId, string EnterpriseName, bool MayPropose, bool IsOfficial, IReadOnlyList<RecordView> Records);

    public async Task<Sheet?> RunAsync(ClaimsPrincipal user, int enterpriseId, RecordKind? kind, CancellationToken cancellationToken)
    {
        if (await db.Set<Enterprise>().AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => e.Name).SingleOrDefaultAsync(cancellationToken) is not { } name)
        {
            return null;
        }

        var official = user.IsInRole(Roles.Official);
        var insider = official || user.EnterpriseOf() == enterpriseId;
        var today = BeijingTime.Today(clock);
        var records = new List<RecordView>();
        foreach (var k in kind is { } only ? [only] : Enum.GetValues<RecordKind>())
        {
            var rows = k switch
            {
                RecordKind.Designations => await ReadAsync<EnterpriseTier>(enterpriseId, insider, cancellationToken),
                RecordKind.Certifications => await ReadAsync<ProductCertification>(enterpriseId, insider, cancellationToken),
                RecordKind.Standards => await ReadAsync<StandardRecord>(enterpriseId, insider, cancellationToken),
                RecordKind.Financing => await ReadAsync<FinancingRecord>(enterpriseId, insider, cancellationToken),
                _ => await ReadAsync<Filing>(enterpriseId, insider, cancellationToken),
            };
            records.AddRange(rows.Select(r => RecordView.Of(r, today, insider)));
        }

        return new Sheet(enterpriseId, name, insider, official, records);
    }

    private async Task<List<EnterpriseRecord>> ReadAsync<T>(int enterpriseId, bool insider, CancellationToken cancellationToken)
        where T : EnterpriseRecord
    {
        var rows = await db.Set<T>().AsNoTracking()
            .Where(r => r.EnterpriseId == enterpriseId && (insider || r.Status == RecordStatus.Confirmed))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Year ?? r.GrantedOn?.Year ?? 0).ThenByDescending(r => r.GrantedOn).ThenBy(r => r.Id)];
    }
}
