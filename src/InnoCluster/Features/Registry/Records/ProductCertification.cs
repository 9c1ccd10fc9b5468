using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>The product certifications 004 counts (专栏 targets 11 and 13).</summary>
[FeatureContract]
public enum CertificationKind
{
    /// <summary>首版次软件产品.</summary>
    FirstEditionSoftware = 1,

    /// <summary>融合创新产品（人工智能融合创新产品和应用解决方案）.</summary>
    FusionInnovationProduct = 2,
}

/// <summary>A product's certification at a level, in a year, with its source (a call's result, a published list, an import).</summary>
public sealed class ProductCertification : EnterpriseRecord
{
    public CertificationKind Kind { get; set; }

    public string ProductName { get; set; } = "";

    public TierLevel Level { get; set; }
}
