using System.Text.Json;
using InnoCluster.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Workspace;

/// <summary>One result of a followed list: what it is called and where it is.</summary>
[FeatureContract]
public sealed record SearchHit(int Id, string Title, string Link);

/// <summary>A followed list run now: the problems with its query (none when it is valid) and its results, the newest or best first.</summary>
[FeatureContract]
public sealed record SearchSnapshot(IReadOnlyList<string> Problems, IReadOnlyList<SearchHit> Hits);

/// <summary>A followed list's query string read as its page reads it: a parameter's value, or null when absent or blank.</summary>
[FeatureContract]
public sealed class SavedQuery(string query)
{
    private readonly Dictionary<string, Microsoft.Extensions.Primitives.StringValues> _values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);

    public string? this[string key] => _values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
}

/// <summary>A list a person can follow (the document library, the enterprise list, the demand list), run by the feature that owns it with the query its page wrote.</summary>
[FeatureContract]
public interface ISavedSearchSource
{
    /// <summary>"documents", "enterprises", "demands".</summary>
    string Kind { get; }

    /// <summary>The page that shows the list ("/search"), for the link back.</summary>
    string PagePath { get; }

    /// <summary>Runs the list with the page's query string ("q=大模型&amp;district=sip"), as the public sees it.</summary>
    Task<SearchSnapshot> RunAsync(string query, CancellationToken cancellationToken);
}

/// <summary>
/// A person follows a list (a search, a filtered enterprise or demand list): what the list showed when last
/// looked at is kept, and what appears after is told to them in the digest.
/// </summary>
public sealed class SavedSearch
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string Kind { get; set; } = "";

    /// <summary>The list page's query string, without the leading "?".</summary>
    public string Query { get; set; } = "";

    public string Label { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }

    /// <summary>The ids the list showed when last looked at, as JSON: a result not among them is new.</summary>
    public string SeenJson { get; set; } = "[]";

    public const int MaxQuery = 500;

    public const int MaxLabel = 100;

    /// <summary>What a followed search is called when its follower names it nothing: the words and filters it asks for ("大模型 · sip"), not its query string; the list's kind when it asks for none.</summary>
    public static string LabelOf(string kind, string query)
    {
        var asked = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
            .Where(p => p.Key is not ("page" or "pageSize" or "sort"))
            .SelectMany(p => p.Value.Select(v => v?.Trim()))
            .Where(v => !string.IsNullOrEmpty(v))
            .ToList();
        return asked.Count == 0 ? kind : string.Join(" · ", asked);
    }

    /// <summary>How many saved searches one person keeps.</summary>
    public const int MaxPerPerson = 50;

    /// <summary>The results not seen before, and remembers all of them as seen.</summary>
    public IReadOnlyList<SearchHit> TakeNew(IReadOnlyList<SearchHit> hits, DateTimeOffset at)
    {
        var seen = JsonSerializer.Deserialize<HashSet<int>>(SeenJson) ?? [];
        var fresh = hits.Where(h => !seen.Contains(h.Id)).ToList();
        SeenJson = JsonSerializer.Serialize(hits.Select(h => h.Id).Order());
        CheckedAt = at;
        return fresh;
    }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.ToTable("saved_searches");
        b.HasIndex(s => s.UserId);
        b.Property(s => s.UserId).HasMaxLength(64);
        b.Property(s => s.Kind).HasMaxLength(20);
        b.Property(s => s.Query).HasMaxLength(SavedSearch.MaxQuery);
        b.Property(s => s.Label).HasMaxLength(SavedSearch.MaxLabel);
    }
}
