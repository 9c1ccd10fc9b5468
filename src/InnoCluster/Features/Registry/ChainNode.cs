using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>The layers of the AI industry chain, as 001 (four layers) and 004 (three) name them.</summary>
[FeatureContract]
public enum ChainLayer
{
    Foundation = 1,
    Framework = 2,
    Model = 3,
    Technology = 4,
    Application = 5,
}

[FeatureContract]
public enum ChainNodeLevel
{
    Layer = 0,
    Segment = 1,
    Node = 2,
}

/// <summary>A layer, segment or node of the industry chain map (产业链图谱).</summary>
public sealed class ChainNode
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string NameEn { get; set; } = "";

    public ChainLayer Layer { get; set; }

    public ChainNodeLevel Level { get; set; }

    public int? ParentId { get; set; }

    public ChainNode? Parent { get; set; }

    public List<ChainNode> Children { get; set; } = [];

    /// <summary>Other ways documents and spreadsheets name the node (计算机视觉 / 机器视觉 / CV).</summary>
    public List<string> Synonyms { get; set; } = [];

    public string? Description { get; set; }

    /// <summary>The sentence that names this node; null for groupings made by the editor.</summary>
    public Provenance? Source { get; set; }

    public int SortOrder { get; set; }

    public IEnumerable<string> AllNames => Synonyms.Prepend(Name);
}
