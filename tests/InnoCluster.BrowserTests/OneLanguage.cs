using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InnoCluster.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>
/// One language at a time, and no internal codes. On a page in Chinese, a Latin word is allowed only as an
/// acronym (AI, GPU, 5G), a name the sources themselves write in Latin letters (from data/seed), or one of a
/// few product names; on a page in either language, no enum value, role, district or chain-node code may show.
/// Quoted and source text (q, blockquote, the document's text, snippets, anything marked with its own lang)
/// is what the source says and is not checked.
/// </summary>
public static partial class OneLanguage
{
    private const string Verbatim = "script, style, code, pre, textarea, q, blockquote, .document-text, .source-text, .snippet, [lang]:not(html), [data-verbatim]";

    private static readonly HashSet<string> ProductNames = new(StringComparer.Ordinal) { "InnoCluster", "OpenAPI", "Excel", "Word", "WPS", "PostgreSQL", "SQLite", "ECharts", "SVG", "WCAG" };

    /// <summary>Properties that hold codes, English names or enum values, not the sources' words.</summary>
    private static readonly HashSet<string> NotSourceWords = new(StringComparer.Ordinal) { "code", "key", "seedKey", "nameEn", "layer", "kind", "node", "district", "chainNode", "stage" };

    private static readonly Lazy<HashSet<string>> SourceWords = new(() =>
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(TestPaths.Seed, "*.json"))
        {
            words.UnionWith(Strings(JsonNode.Parse(File.ReadAllText(file))).Where(s => s.Key is not { } key || !NotSourceWords.Contains(key)).SelectMany(s => LatinWord().Matches(s.Value).Select(m => m.Value)));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.Seed, "documents"), "*.txt"))
        {
            words.UnionWith(LatinWord().Matches(File.ReadAllText(file)).Select(m => m.Value));
        }

        return words;
    });

    /// <summary>Codes that must never reach a reader: enum values of the features, roles, district and chain-node codes.</summary>
    private static readonly Lazy<HashSet<string>> Codes = new(() =>
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace?.StartsWith("InnoCluster.Features", StringComparison.Ordinal) == true))
        {
            codes.UnionWith(Enum.GetNames(type).Where(n => CamelHumps().IsMatch(n) || n.Any(char.IsDigit)));
        }

        codes.UnionWith(typeof(InnoCluster.Infrastructure.Web.Roles).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!));
        foreach (var file in new[] { "districts.json", "chain.json" })
        {
            codes.UnionWith(Strings(JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Seed, file)))).Where(s => s.Key == "code").Select(s => s.Value));
        }

        return codes;
    });

    public static async Task<IEnumerable<string>> ProblemsAsync(IPage page, bool english)
    {
        var texts = await page.EvaluateAsync<string[]>(@"(skip) => {
            const out = [];
            const where = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '');
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const t = n.nodeValue.trim();
                const el = n.parentElement;
                if (t && el && !el.closest(skip)) out.push(t + '\u0001' + where(el));
            }
            document.querySelectorAll('[placeholder], [aria-label], [title], option, input[type=submit]').forEach((el) => {
                if (el.closest(skip)) return;
                for (const a of ['placeholder', 'aria-label', 'title', 'value']) {
                    const v = el.getAttribute(a);
                    if (v && (a !== 'value' || el.matches('input[type=submit]'))) out.push(v + '\u0001' + where(el) + '@' + a);
                }
            });
            return out;
        }", Verbatim);
        var problems = new List<string>();
        var path = new Uri(page.Url).PathAndQuery;
        foreach (var entry in texts)
        {
            var (text, where) = (entry.Split('\u0001')[0], entry.Split('\u0001')[1]);
            foreach (Match word in LatinWord().Matches(AddressesAndFileTypes().Replace(text, " ")))
            {
                var w = word.Value;
                // English writes hyphenated words (machine-read) and capitalised ones (Enterprise): there only a code's shape gives it away.
                var code = english ? Codes.Value.Contains(w) && !PlainWord().IsMatch(w) : Codes.Value.Contains(w) || (KebabCode().IsMatch(w) && !SourceWords.Value.Contains(w));
                if (code)
                {
                    problems.Add($"{path} [{where}] shows the code “{w}”: {Excerpt(text)}");
                }
                else if (!english && !Allowed(w))
                {
                    problems.Add($"{path} [{where}] shows the English “{w}” in the Chinese page: {Excerpt(text)}");
                }
            }
        }

        if (english)
        {
            problems.AddRange(await ChineseInEnglishChromeAsync(page, path));
        }

        return problems.Distinct();
    }

    /// <summary>
    /// The page's own words in English mode: headings of tables and lists, labels, buttons, navigation, options
    /// and the attributes a screen reader speaks. A Chinese name or quote there must carry lang="zh" (which
    /// also tells a screen reader how to say it); anything else in Chinese is an untranslated string.
    /// </summary>
    private static async Task<IEnumerable<string>> ChineseInEnglishChromeAsync(IPage page, string path)
    {
        var texts = await page.EvaluateAsync<string[]>(@"(skip) => {
            const out = [];
            const where = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '');
            const han = /[\u3400-\u9fff]/;
            document.querySelectorAll('th, label, button, legend, summary, caption, dt, nav a, option, h2, h3, .lead').forEach((el) => {
                if (el.closest(skip)) return;
                const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue).join(' ').trim();
                if (han.test(own)) out.push(own + '\u0001' + where(el));
            });
            document.querySelectorAll('[placeholder], [aria-label], [title]').forEach((el) => {
                if (el.closest(skip)) return;
                for (const a of ['placeholder', 'aria-label', 'title']) {
                    const v = el.getAttribute(a);
                    if (v && han.test(v)) out.push(v + '\u0001' + where(el) + '@' + a);
                }
            });
            return out;
        }", Verbatim);
        return texts.Select(t => t.Split('\u0001')).Select(t => $"{path} [{t[1]}] shows Chinese in the English page: {Excerpt(t[0])}");
    }

    private static bool Allowed(string word) =>
        Acronym().IsMatch(word) || ProductNames.Contains(word) || SourceWords.Value.Contains(word);

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>Every string value of a JSON document with the property it stands under (array items under their array's).</summary>
    private static IEnumerable<(string? Key, string Value)> Strings(JsonNode? node, string? key = null) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value, p.Key)),
        JsonArray a => a.SelectMany(v => Strings(v, key)),
        JsonValue v when v.TryGetValue<string>(out var s) => [(key, s)],
        _ => [],
    };

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*")]
    private static partial Regex LatinWord();

    /// <summary>Web addresses, e-mail addresses and file types (.xlsx) are what they are in either language.</summary>
    [GeneratedRegex(@"https?://\S+|[\w.+-]+@[\w.-]+|\.(xlsx|xls|csv|pdf|docx|doc|wps|txt|md|html)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AddressesAndFileTypes();

    /// <summary>A code that is also an ordinary English word ("vision", "Enterprise"), which an English page may well say.</summary>
    [GeneratedRegex("^[A-Za-z][a-z]+$")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"^[a-z]+(?:[-_][a-z0-9]+)+$")]
    private static partial Regex KebabCode();

    [GeneratedRegex("^[A-Z][a-z]+[A-Z]")]
    private static partial Regex CamelHumps();

    /// <summary>AI, GPU, 5G, B2B, AIGC: capitals and digits only.</summary>
    [GeneratedRegex("^[A-Z0-9]{1,8}$")]
    private static partial Regex Acronym();
}
