using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>A person's notification centre: newest first, unread ones only when asked, with the count unread.</summary>
public sealed class ListNotifications(InnoClusterDbContext db)
{
    public sealed record Item(long Id, NoticeKind Kind, string Title, string TitleEn, string? Reason, string Link, bool Urgent, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, DateTimeOffset? MailedAt);

    public sealed record Page(int Unread, int Total, IReadOnlyList<Item> Items);

    public async Task<Page> RunAsync(string userId, bool unreadOnly, int take, CancellationToken cancellationToken)
    {
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var total = await mine.CountAsync(cancellationToken);
        var shown = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var items = await shown.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Math.Clamp(take, 1, 500))
            .Select(n => new Item(n.Id, n.Kind, n.Title, n.TitleEn, n.Reason, n.Link, n.Urgent, n.CreatedAt, n.ReadAt, n.MailedAt)).ToListAsync(cancellationToken);
        return new Page(unread, total, items);
    }
}
