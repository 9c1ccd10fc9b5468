using InnoCluster.Text;

namespace InnoCluster.Features.Scenarios;

/// <summary>Reads a budget as written: an amount or range in 元 ("50-100万", "30万元", "2亿"), or negotiable text ("面议").</summary>
public static class Budget
{
    private static readonly string[] Negotiable = ["面议", "议价", "待定", "协商", "另议", "商议"];

    public static (decimal? Min, decimal? Max, string? Error) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null, null);
        }

        var trimmed = text.Trim();
        if (Negotiable.Any(n => trimmed.Contains(n, StringComparison.Ordinal)))
        {
            return (null, null, null);
        }

        if (trimmed.Length > 100 || !QuantityParser.TryParse(trimmed, out var quantity, money: true) || !quantity.IsMoney)
        {
            return (null, null, $"无法识别预算“{(trimmed.Length > 30 ? trimmed[..30] + "…" : trimmed)}”：请写金额或区间（如 50-100万、30万元）或“面议” (write an amount, a range such as 50-100万, or 面议)");
        }

        var max = quantity.UpperValue ?? quantity.Value;
        return quantity.Value <= 0 || max < quantity.Value
            ? (null, null, "预算须为正数，区间下限不大于上限 (the budget must be positive, the range low to high)")
            : (quantity.Value, max, null);
    }
}
