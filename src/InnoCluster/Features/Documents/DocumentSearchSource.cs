using InnoCluster.Features.Workspace;
using Microsoft.AspNetCore.WebUtilities;

namespace InnoCluster.Features.Documents;

/// <summary>A followed search of the library: the same query and filters as /search, newest documents first.</summary>
public sealed class DocumentSearchSource(DocumentSearch search) : ISavedSearchSource
{
    /// <summary>How many of the newest matches are compared each time.</summary>
    public const int Looked = 100;

    public string Kind => "documents";

    public string PagePath => "/search";

    public async Task<SearchSnapshot> RunAsync(string query, CancellationToken cancellationToken)
    {
        var q = QueryHelpers.ParseQuery(query);
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        var result = await search.RunAsync(
            new DocumentSearch.Query(Get("q"), Get("kind"), Get("level"), Get("status"), Get("issuer"), int.TryParse(Get("year"), out var year) ? year : null,
                Get("category"), Get("method"), Get("industry"), DocumentSearch.SortByDate, 1, Looked, Facets: false),
            cancellationToken);
        return new SearchSnapshot(result.Problems, [.. result.Page.Items.Select(i => new SearchHit(i.Id, i.Title, $"/documents/{i.Id}"))]);
    }
}
