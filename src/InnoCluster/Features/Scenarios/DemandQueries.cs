using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Scenarios;

/// <summary>Lists and reads demands: the public sees published ones; officials see drafts too.</summary>
public sealed class DemandQueries(InnoClusterDbContext db, IRegistryDirectory registry)
{
    public sealed record Item(int Id, string Title, string Excerpt, string? Sector, DemandStatus Status, Provenance Source, DateTimeOffset UpdatedAt);

    /// <summary>A demand as its reader may see it: <see cref="Contact"/> is null unless the reader may contact the owner.</summary>
    public sealed record Details(
        int Id,
        string? ExternalId,
        string Title,
        string Problem,
        string? Sector,
        DemandStatus Status,
        Provenance Source,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        IReadOnlyList<string> Capabilities,
        int? DistrictId,
        string? District,
        string? Budget,
        decimal? BudgetMin,
        decimal? BudgetMax,
        DateOnly? Deadline,
        string? Contact,
        bool HasContact,
        bool IsOwner,
        int? PossibleDuplicateOf,
        string? List,
        string? Owner,
        IReadOnlyList<Attachment> Attachments);

    public sealed record Attachment(Guid Id, string FileName, long Size);

    /// <summary>Officials see every demand; others the published ones and their own.</summary>
    public async Task<Page<Item>> ListAsync(string? q, string? status, int page, int pageSize, ScenarioActor? reader, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize, 1, 200);
        var number = Math.Max(1, page);
        var query = db.Set<Demand>().AsNoTracking();
        var me = reader?.UserId;
        query = reader?.IsOfficial == true ? query : query.Where(d => d.Status == DemandStatus.Published || (me != null && d.OwnerUserId == me));
        if (Enum.TryParse<DemandStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(d => d.Status == wanted);
        }

        var rows = await query.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
        // Hundreds to a few thousand demands: filtered in memory. (Ranked matching against solutions will use
        // the search analyzer; see the scenario issue.)
        var filter = new WordFilter(q);
        if (!filter.IsEmpty)
        {
            rows = [.. rows.Where(d => filter.Matches(d.Title + " " + d.Problem))];
        }

        var items = rows.Skip((number - 1) * size).Take(size)
            .Select(d => new Item(d.Id, d.Title, d.Problem.Length > 120 ? d.Problem[..120] + "…" : d.Problem, d.Sector, d.Status, d.Source, d.UpdatedAt))
            .ToList();
        return new Page<Item>(items, rows.Count, number, size);
    }

    public async Task<Details?> GetAsync(int id, ScenarioActor? reader, CancellationToken cancellationToken)
    {
        var d = await db.Set<Demand>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null || !d.IsVisibleTo(reader))
        {
            return null;
        }

        var isOwner = d.IsOwnedBy(reader);

        var district = d.DistrictId is { } districtId ? (await registry.DistrictsAsync(cancellationToken)).FirstOrDefault(x => x.Id == districtId)?.Name : null;
        var contact = d.Contact is not null && await MaySeeContactAsync(d, reader, cancellationToken) ? d.Contact : null;
        return new Details(d.Id, d.ExternalId, d.Title, d.Problem, d.Sector, d.Status, d.Source, d.CreatedAt, d.UpdatedAt,
            d.Capabilities, d.DistrictId, district, d.BudgetText, d.BudgetMin, d.BudgetMax, d.Deadline, contact, d.Contact is not null, isOwner,
            reader?.IsOfficial == true ? d.PossibleDuplicateOfId : null, d.ListName, d.OwnerName,
            await db.Set<InnoCluster.Infrastructure.Files.StoredFile>().AsNoTracking().Where(f => d.Attachments.Contains(f.Id)).OrderBy(f => f.FileName)
                .Select(f => new Attachment(f.Id, f.FileName, f.Size)).ToListAsync(cancellationToken));
    }

    /// <summary>Officials and the owner see the contact; a vendor once a pair with it is under way (contacted, not dropped).</summary>
    private async Task<bool> MaySeeContactAsync(Demand demand, ScenarioActor? actor, CancellationToken cancellationToken) =>
        actor is not null && (actor.IsOfficial || demand.IsOwnedBy(actor) ||
            (actor.EnterpriseId is { } enterprise && await db.Set<Docking>().AnyAsync(
                d => d.DemandId == demand.Id && d.EnterpriseId == enterprise && d.Stage != DockingStage.Proposed && d.Stage != DockingStage.Dropped, cancellationToken)));
}
