using InnoCluster.Features.Workspace;

namespace InnoCluster.Features.Scenarios;

/// <summary>A followed demand list: the same words as /demands, published demands only, the most recently updated first.</summary>
public sealed class DemandListSource(DemandQueries queries) : ISavedSearchSource
{
    public const int Looked = 200;

    public string Kind => "demands";

    public string PagePath => "/demands";

    public async Task<SearchSnapshot> RunAsync(string query, CancellationToken cancellationToken)
    {
        var page = await queries.ListAsync(new SavedQuery(query)["q"], nameof(DemandStatus.Published), 1, Looked, null, cancellationToken);
        return new SearchSnapshot([], [.. page.Items.Select(d => new SearchHit(d.Id, d.Title, $"/demands/{d.Id}"))]);
    }
}
