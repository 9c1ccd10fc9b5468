using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>
/// What a <c>compute:</c> indicator sums: the computing capacity of the compute centres standing on the day (built or
/// recognised, not closed), each by its latest reading by then — <c>compute:total</c> (总算力) or <c>compute:intelligent</c>
/// (智算规模), in P, for a target such as 智能算力规模达到5000P.
/// </summary>
[FeatureContract]
public sealed record CapacityCount(bool Intelligent)
{
    public const string Prefix = "compute:";

    public static bool TryParseSpec(string? spec, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CapacityCount? count)
    {
        count = spec switch
        {
            Prefix + "total" => new CapacityCount(false),
            Prefix + "intelligent" => new CapacityCount(true),
            _ => null,
        };
        return count is not null;
    }

    public string Spec => Prefix + (Intelligent ? "intelligent" : "total");

    public (string Chinese, string English) Describe() => Intelligent
        ? ("已建成或认定的算力中心智算规模合计（各取当日前最新一次记录，P）", "Intelligent computing capacity of the compute centres built or recognised, each by its latest reading (P)")
        : ("已建成或认定的算力中心总算力合计（各取当日前最新一次记录，P）", "Total computing capacity of the compute centres built or recognised, each by its latest reading (P)");
}
