using InnoCluster.Features.Workspace;

namespace InnoCluster.Features.Registry;

/// <summary>A followed enterprise list: the same words and filters as /enterprises; a firm that newly matches is a new result.</summary>
public sealed class EnterpriseListSource(ListEnterprises list, IRegistryDirectory registry) : ISavedSearchSource
{
    /// <summary>How many matches are compared each time (a list wider than this is too broad to follow usefully).</summary>
    public const int Looked = 2000;

    public string Kind => "enterprises";

    public string PagePath => "/enterprises";

    public async Task<SearchSnapshot> RunAsync(string query, CancellationToken cancellationToken)
    {
        var q = new SavedQuery(query);
        var filters = new ListEnterprises.Query(q["q"], q["district"], q["tier"], q["node"], 1, 1);
        var checkedQuery = await list.RunAsync(filters, cancellationToken);
        if (checkedQuery.Problems.Count > 0)
        {
            return new SearchSnapshot(checkedQuery.Problems, []);
        }

        var ids = await list.MatchingIdsAsync(filters, Looked, cancellationToken);
        var names = await registry.EnterpriseNamesAsync(ids, cancellationToken);
        return new SearchSnapshot([], [.. ids.Select(id => new SearchHit(id, names.GetValueOrDefault(id) ?? "", $"/enterprises/{id}"))]);
    }
}
