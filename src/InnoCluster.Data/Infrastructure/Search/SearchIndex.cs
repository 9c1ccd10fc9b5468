namespace InnoCluster.Infrastructure.Search;

/// <summary>
/// A full-text index over one kind of record. Each holds two weighted fields of pre-analysed terms
/// (see InnoCluster.Text.SearchAnalyzer): Title (names, titles) and Body (everything else).
/// </summary>
public sealed record SearchIndex(string Name)
{
    public static readonly SearchIndex Enterprises = new("enterprises");

    /// <summary>Whole documents (title; clean text), for the document search.</summary>
    public static readonly SearchIndex Documents = new("documents");

    /// <summary>Paragraphs of documents, for passage search and citing.</summary>
    public static readonly SearchIndex Passages = new("passages");

    /// <summary>Scenario demands (title; problem and capabilities), for matching solutions to demands.</summary>
    public static readonly SearchIndex Demands = new("demands");

    /// <summary>Vendors' solutions (title; description, capabilities, reference cases, chain nodes).</summary>
    public static readonly SearchIndex Solutions = new("solutions");

    public string TableName => "search_" + Name;

    public static IReadOnlyList<SearchIndex> All { get; } = [Enterprises, Documents, Passages, Demands, Solutions];
}

/// <summary>One matching record: its id and relevance (higher is better).</summary>
public sealed class SearchMatch
{
    public int Id { get; set; }

    public double Rank { get; set; }
}
