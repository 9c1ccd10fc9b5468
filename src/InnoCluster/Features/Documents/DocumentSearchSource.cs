using InnoCluster.Features.Workspace;

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
        var q = new SavedQuery(query);
        var result = await search.RunAsync(
            new DocumentSearch.Query(q["q"], q["kind"], q["level"], q["status"], q["issuer"], int.TryParse(q["year"], out var year) ? year : null,
                q["category"], q["method"], q["industry"], DocumentSearch.SortByDate, 1, Looked, Facets: false),
            cancellationToken);
        return new SearchSnapshot(result.Problems, [.. result.Page.Items.Select(i => new SearchHit(i.Id, i.Title, $"/documents/{i.Id}"))]);
    }
}
