using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>Kinds of innovation carrier (创新载体) the documents name.</summary>
public enum CarrierKind
{
    OpenInnovationPlatform = 1,
    InnovationCentre = 2,
    ResearchInstitute = 3,
    KeyLaboratory = 4,
    IndustrialBase = 5,
    PublicServicePlatform = 6,
    ComputeCentre = 7,
    University = 8,
    IndustrialPark = 9,
    TalentBase = 10,
    Fund = 11,

    /// <summary>A laboratory the sources do not call a key laboratory (苏州人工智能实验室).</summary>
    Laboratory = 12,

    /// <summary>An association, alliance or advisory committee (行业协会, 联盟, 战略咨询委员会).</summary>
    ServiceOrganisation = 13,
}

/// <summary>An innovation carrier: a lab, platform, centre, institute, park or fund.</summary>
public sealed class Carrier
{
    public int Id { get; set; }

    public string SeedKey { get; set; } = "";

    public string Name { get; set; } = "";

    public CarrierKind Kind { get; set; }

    public int? DistrictId { get; set; }

    public District? District { get; set; }

    public string? City { get; set; }

    /// <summary>The enterprise that builds or runs it, where the sources say so.</summary>
    public int? HostEnterpriseId { get; set; }

    public Enterprise? HostEnterprise { get; set; }

    public List<string> Aliases { get; set; } = [];

    public List<int> ChainNodeIds { get; set; } = [];

    public List<CarrierStatement> Statements { get; set; } = [];
}

public sealed class CarrierStatement
{
    public int Id { get; set; }

    public int CarrierId { get; set; }

    public string? Topic { get; set; }

    public Provenance Source { get; set; } = new();
}
