using System.Globalization;
using InnoCluster.Infrastructure.Seeding;

namespace InnoCluster.Infrastructure.Web;

/// <summary>
/// Helpers the pages use: bilingual text (Chinese first, English when the English switch is on),
/// and figures written the way each language writes them (2,300亿元 / CNY 230.0 bn).
/// </summary>
public static class Ui
{
    public static string L(string chinese, string english) => Localization.Pick(chinese, english);

    public static bool English => Localization.IsEnglish;

    public static string Lang => English ? "en" : "zh-CN";

    /// <summary>
    /// The lang attribute for an element holding Chinese as written (a name, a title, a quote) on an English
    /// page, so a screen reader says it in Chinese; null (no attribute) on a Chinese page.
    /// </summary>
    public static string? ZhLang => English ? "zh" : null;

    /// <summary>Chinese as written, marked as such on an English page (see <see cref="ZhLang"/>).</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Zh(string? text) =>
        English && !string.IsNullOrEmpty(text)
            ? new Microsoft.AspNetCore.Html.HtmlString($"<span lang=\"zh\">{System.Net.WebUtility.HtmlEncode(text)}</span>")
            : new Microsoft.AspNetCore.Html.HtmlString(System.Net.WebUtility.HtmlEncode(text ?? ""));

    /// <summary>A whole number as a table cell ("12,000"), or a dash when unknown.</summary>
    public static string Whole(int? value) => value?.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static string Yuan(decimal? amount)
    {
        if (amount is not { } value)
        {
            return "—";
        }

        if (English)
        {
            return value switch
            {
                >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"CNY {value / 1_000_000_000m:0.##} bn"),
                >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"CNY {value / 1_000_000m:0.##} m"),
                _ => string.Create(CultureInfo.InvariantCulture, $"CNY {value:N0}"),
            };
        }

        return value switch
        {
            >= 100_000_000 => string.Create(CultureInfo.InvariantCulture, $"{value / 100_000_000m:#,0.##}亿元"),
            >= 10_000 => string.Create(CultureInfo.InvariantCulture, $"{value / 10_000m:#,0.##}万元"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{value:N0}元"),
        };
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A moment as the office reads it: Beijing time, to the minute.</summary>
    public static string Time(DateTimeOffset moment) => moment.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A source's display name: a seed document's title, else the file name.</summary>
    public static string SourceTitle(string source, SeedSources? sources) =>
        sources?.Documents.FirstOrDefault(d => d.File == source)?.Title ?? source;
}
