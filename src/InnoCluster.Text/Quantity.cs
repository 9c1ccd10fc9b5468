namespace InnoCluster.Text;

/// <summary>How a figure is qualified in the text: 超 (more than), 不低于 (at least), 约 (about) …</summary>
public enum Qualifier
{
    Exact,
    MoreThan,
    AtLeast,
    About,
    Nearly,
    LessThan,
    AtMost,
    Range,
}

/// <summary>
/// A figure read from Chinese text. <see cref="Value"/> is in the base unit: money in 元 (2300亿元 =
/// 230,000,000,000), counts in their measure word (家, 个). <see cref="UpperValue"/> is set for ranges.
/// </summary>
public sealed record Quantity(decimal Value, decimal? UpperValue, string Unit, Qualifier Qualifier, string Text)
{
    public bool IsMoney => Unit == "元";

    public bool IsApproximate => Qualifier is Qualifier.About or Qualifier.Nearly;
}
