using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;

namespace InnoCluster.Features.Registry;

/// <summary>An enterprise of the cluster registry.</summary>
public sealed partial class Enterprise : IPartOfRoot
{
    Type IPartOfRoot.RootType => typeof(Enterprise);

    int IPartOfRoot.RootId => Id;

    public int Id { get; set; }

    private string _name = "";

    /// <summary>The legal name where known, else the name the sources use.</summary>
    public string Name
    {
        get => _name;
        set
        {
            _name = value;
            NameOrderKey = PinyinOrder.KeyOf(value);
        }
    }

    /// <summary>Where the name falls in pinyin order (lists sort by it); made again by a seed step when ICU's collation changes.</summary>
    public byte[] NameOrderKey { get; set; } = PinyinOrder.KeyOf("");

    /// <summary>统一社会信用代码; null when no source gives it (never invented).</summary>
    public string? CreditCode { get; set; }

    public int? DistrictId { get; set; }

    public District? District { get; set; }

    public Provenance? DistrictSource { get; set; }

    /// <summary>City as the sources give it (苏州, 无锡) even when the district is not known.</summary>
    public string? City { get; set; }

    public DateOnly? EstablishedOn { get; set; }

    /// <summary>When only the year of founding is known ("2007年，思必驰在苏州成立").</summary>
    public int? EstablishedYear { get; set; }

    public Provenance? EstablishedSource { get; set; }

    /// <summary>
    /// The firm's own e-mail domain (example.com), set by an official: a person whose address is at it is
    /// admitted to the firm without waiting for an official. Null: every claim waits.
    /// </summary>
    public string? MailDomain { get; set; }

    /// <summary>Main business in one paragraph, as an official or an import wrote it.</summary>
    public string? Business { get; set; }

    /// <summary>Stable key of a seed-dataset record ("aispeech"); null for imported and created records.</summary>
    public string? SeedKey { get; set; }

    public List<EnterpriseName> Names { get; set; } = [];

    public List<EnterpriseChainLink> ChainLinks { get; set; } = [];

    public List<EnterpriseTier> Tiers { get; set; } = [];

    public List<YearlyFigure> Figures { get; set; } = [];

    public List<Filing> Filings { get; set; } = [];

    public List<Product> Products { get; set; } = [];

    public List<ProductCertification> Certifications { get; set; } = [];

    public List<StandardRecord> Standards { get; set; } = [];

    /// <summary>What the sources say the enterprise does, quoted sentence by sentence.</summary>
    public List<EnterpriseStatement> Statements { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool HasCreditCode => CreditCode is not null;

    /// <summary>Every name the enterprise is known by: legal, short, former and aliases.</summary>
    public IEnumerable<string> AllNames => Names.Select(n => n.Name).Prepend(Name).Distinct(StringComparer.Ordinal);
}

public enum EnterpriseNameKind
{
    ShortName = 1,
    Former = 2,
    Alias = 3,
    Legal = 4,
}

public sealed class EnterpriseName
{
    public int Id { get; set; }

    public int EnterpriseId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Normalised form used for exact-name matching on import.</summary>
    public string MatchKey { get; set; } = "";

    public EnterpriseNameKind Kind { get; set; }

    public Provenance? Source { get; set; }
}

public sealed class EnterpriseChainLink : IPartOfRoot
{
    Type IPartOfRoot.RootType => typeof(Enterprise);

    int IPartOfRoot.RootId => EnterpriseId;

    public int Id { get; set; }

    public int EnterpriseId { get; set; }

    public int ChainNodeId { get; set; }

    public ChainNode? ChainNode { get; set; }

    public Provenance? Source { get; set; }
}

/// <summary>A designation (梯队): a tier with its level, granted on a day or in a year, until it expires or ends.</summary>
public sealed class EnterpriseTier : EnterpriseRecord
{
    public Tier Tier { get; set; }

    public TierLevel Level { get; set; }

    /// <summary>For <see cref="Tier.Listed"/>: the security code and the board (科创板, 创业板, 主板, 北交所, 港交所 …).</summary>
    public string? SecurityCode { get; set; }

    public string? Board { get; set; }
}

/// <summary>One year's figures: revenue and R&amp;D spend in 元, employees.</summary>
public sealed class YearlyFigure : IPartOfRoot
{
    Type IPartOfRoot.RootType => typeof(Enterprise);

    int IPartOfRoot.RootId => EnterpriseId;

    public int Id { get; set; }

    public int EnterpriseId { get; set; }

    public int Year { get; set; }

    public decimal? Revenue { get; set; }

    public decimal? RdSpend { get; set; }

    public int? Employees { get; set; }

    /// <summary>Patents granted to the firm in the year (授权专利).</summary>
    public int? PatentsGranted { get; set; }

    /// <summary>Patents the firm holds in force at the year's end (有效专利).</summary>
    public int? PatentsValid { get; set; }

    public Provenance? Source { get; set; }
}

[FeatureContract]
public enum FilingKind
{
    /// <summary>深度合成服务算法备案 (CAC algorithm filing).</summary>
    Algorithm = 1,

    /// <summary>生成式人工智能服务（大模型）备案.</summary>
    LargeModel = 2,
}

/// <summary>An algorithm or large-model filing (备案) with its number and the day filed.</summary>
public sealed class Filing : EnterpriseRecord
{
    public FilingKind Kind { get; set; }

    /// <summary>The filed algorithm's or model's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>备案号.</summary>
    public string? Number { get; set; }
}

public sealed class Product
{
    public int Id { get; set; }

    public int EnterpriseId { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public Provenance? Source { get; set; }
}

public sealed class EnterpriseStatement
{
    public int Id { get; set; }

    public int EnterpriseId { get; set; }

    /// <summary>A short label of what the statement is about: 主营业务, 技术突破, 应用场景 …</summary>
    public string? Topic { get; set; }

    public Provenance Source { get; set; } = new();
}
