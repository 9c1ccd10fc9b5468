using System.Security.Claims;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>The desk's board: requests a reader may see, newest first, by status, unit, theme, and overdue now.</summary>
public sealed class ListAppeals(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record Query(AppealStatus? Status, string? Unit, string? Theme, bool? Overdue, int? Page, int? PageSize);

    public sealed record Item(int Id, string Topic, string? Theme, string EnterpriseName, AppealChannel Channel, AppealStatus Status, DateTimeOffset ReceivedAt, string? LeadUnit, DateTimeOffset? CurrentDueAt, bool Overdue, bool DueIsProvisional, Satisfaction? Rating);

    public sealed record Result(int Total, int Page, int PageSize, IReadOnlyList<Item> Items);

    public async Task<Result> RunAsync(Query query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var actor = AppealActor.Of(user, now);
        var appeals = db.Set<Appeal>().AsNoTracking();
        if (!actor.IsDesk)
        {
            var (firm, unit) = (actor.EnterpriseId, actor.Unit);
            appeals = appeals.Where(a => (firm != null && a.EnterpriseId == firm) || (unit != null && (a.LeadUnit == unit || a.CoUnits.Contains(unit))));
        }

        if (query.Status is { } status)
        {
            appeals = appeals.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Unit))
        {
            var unit = query.Unit.Trim();
            appeals = appeals.Where(a => a.LeadUnit == unit || a.CoUnits.Contains(unit));
        }

        if (!string.IsNullOrWhiteSpace(query.Theme))
        {
            appeals = appeals.Where(a => a.Theme == query.Theme.Trim());
        }

        if (query.Overdue == true)
        {
            appeals = appeals.Where(Appeal.OverdueAt(now));
        }

        var size = Math.Clamp(query.PageSize ?? 20, 1, 100);
        var page = Math.Max(1, query.Page ?? 1);
        var total = await appeals.CountAsync(cancellationToken);
        var rows = await appeals.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Result(total, page, size, [.. rows.Select(a => new Item(a.Id, a.Topic, a.Theme, a.EnterpriseName, a.Channel, a.Status, a.ReceivedAt, a.LeadUnit, a.CurrentDueAt, a.IsOverdue(now), a.DueIsProvisional, a.Rating))]);
    }
}
