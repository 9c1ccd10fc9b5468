using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// A person follows a list with the query its page shows. The query is run once to check it and to remember what
/// the list holds now, so only what appears later is told.
/// </summary>
public sealed class FollowSearch(InnoClusterDbContext db, IEnumerable<ISavedSearchSource> sources, TimeProvider clock)
{
    public sealed record Request(string? Kind, string? Query, string? Label);

    public sealed record View(int Id, string Kind, string Query, string Label, string Link, DateTimeOffset CreatedAt, DateTimeOffset? CheckedAt);

    public async Task<Result<View>> RunAsync(string userId, Request request, CancellationToken cancellationToken)
    {
        if (sources.FirstOrDefault(s => string.Equals(s.Kind, request.Kind, StringComparison.OrdinalIgnoreCase)) is not { } source)
        {
            return Problem.Invalid("kind", $"可关注的列表：{string.Join("、", sources.Select(s => s.Kind))} / lists that can be followed: {string.Join(", ", sources.Select(s => s.Kind))}");
        }

        var query = (request.Query ?? "").Trim().TrimStart('?');
        if (query.Length > SavedSearch.MaxQuery)
        {
            return Problem.Invalid("query", $"检索条件不超过 {SavedSearch.MaxQuery} 字 / the query is at most {SavedSearch.MaxQuery} characters");
        }

        var label = string.IsNullOrWhiteSpace(request.Label) ? SavedSearch.LabelOf(source.Kind, query) : request.Label.Trim();
        label = label.Length > SavedSearch.MaxLabel ? label[..SavedSearch.MaxLabel] : label;
        if (await db.Set<SavedSearch>().CountAsync(s => s.UserId == userId, cancellationToken) >= SavedSearch.MaxPerPerson)
        {
            return Problem.Conflict($"每人最多关注 {SavedSearch.MaxPerPerson} 个检索 / at most {SavedSearch.MaxPerPerson} followed searches each");
        }

        if (await db.Set<SavedSearch>().AnyAsync(s => s.UserId == userId && s.Kind == source.Kind && s.Query == query, cancellationToken))
        {
            return Problem.Conflict("已关注此检索 / you already follow this search");
        }

        var snapshot = await source.RunAsync(query, cancellationToken);
        if (snapshot.Problems.Count > 0)
        {
            return Problem.Invalid("query", string.Join("; ", snapshot.Problems));
        }

        var saved = new SavedSearch { UserId = userId, Kind = source.Kind, Query = query, Label = label, CreatedAt = clock.GetUtcNow() };
        saved.TakeNew(snapshot.Hits, clock.GetUtcNow());
        db.Add(saved);
        await db.SaveChangesAsync(cancellationToken);
        return ViewOf(saved, source);
    }

    public static View ViewOf(SavedSearch s, ISavedSearchSource? source) =>
        new(s.Id, s.Kind, s.Query, s.Label, (source?.PagePath ?? "/") + (s.Query.Length > 0 ? "?" + s.Query : ""), s.CreatedAt, s.CheckedAt);
}
