using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>A standard's level, as its number's prefix usually tells (ISO/IEC, GB, 行业, DB, T/, Q/).</summary>
[FeatureContract]
public enum StandardLevel
{
    International = 1,
    National = 2,
    Industry = 3,
    Local = 4,
    Group = 5,
    Enterprise = 6,
}

/// <summary>Whether the firm led (牵头/主导) or joined (参与) the standard.</summary>
[FeatureContract]
public enum StandardRole
{
    Lead = 1,
    Participant = 2,
}

/// <summary>A standard the firm led or joined: its number, title and level; granted = published; ended = withdrawn (废止).</summary>
public sealed class StandardRecord : EnterpriseRecord
{
    /// <summary>The standard's number as published ("GB/T 42755-2023").</summary>
    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    public StandardLevel Level { get; set; }

    public StandardRole Role { get; set; }
}
