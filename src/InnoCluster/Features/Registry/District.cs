using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>板块: a county-level city, district or park, with the specialities the action plan gives it.</summary>
public sealed class District
{
    public int Id { get; set; }

    /// <summary>Stable key used by the seed data, imports and URLs, e.g. "sip".</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string City { get; set; } = "";

    /// <summary>Other names people write in spreadsheets: 园区, 工业园区, SIP …</summary>
    public List<string> Aliases { get; set; } = [];

    public bool IsCoreZone { get; set; }

    /// <summary>The fields the action plan asks this district to specialise in (004 (五)).</summary>
    public string? Specialities { get; set; }

    public Provenance? Source { get; set; }

    public int SortOrder { get; set; }
}
