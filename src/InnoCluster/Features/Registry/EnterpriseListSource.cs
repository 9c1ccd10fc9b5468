using InnoCluster.Features.Workspace;
using Microsoft.AspNetCore.WebUtilities;

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
        var q = QueryHelpers.ParseQuery(query);
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        var filters = new ListEnterprises.Query(Get("q"), Get("district"), Get("tier"), Get("node"), 1, 1);
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
