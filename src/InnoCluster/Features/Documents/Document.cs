using InnoCluster.Infrastructure;
namespace InnoCluster.Features.Documents;

[FeatureContract]
public enum DocumentKind
{
    Policy,
    Reply,
    News,
    Law,
    Other,
}

public enum DocumentLevel
{
    Unknown,
    National,
    Provincial,
    Municipal,
    District,
}

[FeatureContract]
public enum DocumentStatus
{
    Unknown,
    Valid,
    Expired,
}

/// <summary>
/// A document of the library: a policy, a government reply, a news article, a law. Its metadata is that of
/// its current version; earlier versions stay readable. Identified across versions by its lineage key
/// (document number when it has one, else its normalised title).
/// </summary>
public sealed class Document
{
    public int Id { get; set; }

    public string LineageKey { get; set; } = "";

    public int? CurrentVersionId { get; set; }

    public DocumentKind Kind { get; set; }

    private string _title = "";

    public string Title
    {
        get => _title;
        set
        {
            _title = value;
            Name = LawCitation.NameOf(value);
        }
    }

    /// <summary>The name a query calls it by (<see cref="LawCitation.NameOf"/>): 民法典 for 中华人民共和国民法典 婚姻家庭编.</summary>
    public string Name { get; private set; } = "";

    /// <summary>文号 / 文件编号, e.g. 苏创新集群办〔2022〕12号.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>发文单位 / 发布机构.</summary>
    public string? IssuingBody { get; set; }

    public DocumentLevel Level { get; set; }

    /// <summary>级别 as written (苏州市级).</summary>
    public string? LevelText { get; set; }

    public DocumentStatus Status { get; set; }

    public List<string> Categories { get; set; } = [];

    public List<string> SupportMethods { get; set; } = [];

    public List<string> SupportedIndustries { get; set; } = [];

    /// <summary>信息索引号.</summary>
    public string? DisclosureIndex { get; set; }

    public DateOnly? GeneratedOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>The document's own date (of the letter, the article, the law's passing).</summary>
    public DateOnly? DocumentDate { get; set; }

    public int? Year { get; set; }

    /// <summary>Where it was published (website, outlet).</summary>
    public string? Source { get; set; }

    public string? Author { get; set; }

    /// <summary>For documents of the seed dataset: the source file name the registry's provenance cites.</summary>
    public string? SeedFile { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<DocumentVersion> Versions { get; set; } = [];
}

/// <summary>One version of a document's content: the text as received and as cleaned.</summary>
public sealed class DocumentVersion
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public int Number { get; set; }

    /// <summary>SHA-256 of the received bytes: the same file is never stored twice.</summary>
    public string ContentHash { get; set; } = "";

    public string Format { get; set; } = "";

    public string SourceFile { get; set; } = "";

    /// <summary>The text as extracted from the file, before cleaning (kept for audit and re-cleaning).</summary>
    public string OriginalText { get; set; } = "";

    /// <summary>The cleaned text: what is shown, indexed and cited (facts point into it).</summary>
    public string CleanText { get; set; } = "";

    public DateTimeOffset IngestedAt { get; set; }

    public string? IngestedBy { get; set; }

    public List<DocumentSection> Sections { get; set; } = [];

    public List<DocumentFact> Facts { get; set; } = [];

    public List<DocumentPassage> Passages { get; set; } = [];
}

/// <summary>A heading of the version's outline, pointing into its clean text.</summary>
public sealed class DocumentSection
{
    public int Id { get; set; }

    public int VersionId { get; set; }

    public int Order { get; set; }

    public int Level { get; set; }

    public string Label { get; set; } = "";

    public string Title { get; set; } = "";

    public int Start { get; set; }
}

/// <summary>A paragraph of the clean text: the unit of passage search and of "related" matching.</summary>
public sealed class DocumentPassage
{
    public int Id { get; set; }

    public int VersionId { get; set; }

    public int DocumentId { get; set; }

    public int Ordinal { get; set; }

    public int Start { get; set; }

    public int Length { get; set; }
}

[FeatureContract]
public enum FactKind
{
    /// <summary>A figure the document reports: 营收超2300亿元 in 2024.</summary>
    Figure,

    /// <summary>A number of things: 累计上市企业15家.</summary>
    Count,

    /// <summary>A goal for a future date: 到2025年…超过300亿元.</summary>
    Target,

    /// <summary>An enterprise of the registry named in the text.</summary>
    EnterpriseMention,

    /// <summary>An innovation carrier of the registry named in the text.</summary>
    CarrierMention,
}

/// <summary>A fact stated by a sentence of a version, with the exact sentence it came from.</summary>
public sealed class DocumentFact
{
    public int Id { get; set; }

    public int VersionId { get; set; }

    public FactKind Kind { get; set; }

    /// <summary>Who or what the figure is about: 苏州市人工智能产业.</summary>
    public string? Subject { get; set; }

    /// <summary>What is measured: 营收, 上市企业.</summary>
    public string? Metric { get; set; }

    public decimal? Value { get; set; }

    public decimal? UpperValue { get; set; }

    public string? Unit { get; set; }

    public string? Qualifier { get; set; }

    /// <summary>The year the figure refers to, or a target's deadline year.</summary>
    public int? Year { get; set; }

    /// <summary>What the extractor could not decide (two candidate years, a unit not written), in words; the undecided field stays empty.</summary>
    public string? Ambiguity { get; set; }

    /// <summary>The figure or name as written.</summary>
    public string Text { get; set; } = "";

    public int TextStart { get; set; }

    public int SentenceStart { get; set; }

    public int SentenceLength { get; set; }

    public string Sentence { get; set; } = "";

    public int? EnterpriseId { get; set; }

    public int? CarrierId { get; set; }
}
