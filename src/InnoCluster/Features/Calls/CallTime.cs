using System.Globalization;
using System.Text.RegularExpressions;

namespace InnoCluster.Features.Calls;

/// <summary>
/// A call's dates are Beijing time (Asia/Shanghai), as the notice writes them ("2026年3月31日17:00前"): a time
/// without an offset is read there, a time with one (or Z) is taken as it says; stored as an instant.
/// </summary>
public static partial class CallTime
{
    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Offset();

    /// <summary>The instant, or null with a reason a person can act on; an empty value is null with no reason.</summary>
    public static (DateTimeOffset? At, string? Error) Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        var text = value.Trim();
        if (Offset().IsMatch(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? (at.ToUniversalTime(), null)
                : (null, $"无法识别的时间“{text}” / not a time: {text}");
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? (InnoCluster.Infrastructure.BeijingTime.FromLocal(local), null)
            : (null, $"无法识别的时间“{text}”，请写成 2026-03-31 17:00 / not a time: {text} (write 2026-03-31 17:00)");
    }

    /// <summary>As the pages write a moment (Beijing time, minutes), so a message and a page say the same.</summary>
    public static string Written(DateTimeOffset at) => InnoCluster.Infrastructure.Web.Ui.Time(at);
}
