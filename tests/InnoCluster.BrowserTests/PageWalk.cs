using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>
/// Walks the pages a reader reaches by following links from the home page — at most two of each kind
/// (/enterprises/1 and /enterprises/2 are one kind) — and runs checks on each, collecting every problem.
/// </summary>
public static class PageWalk
{
    private const int MaxPages = 160;

    public delegate Task<IEnumerable<string>> Check(IPage page);

    public static async Task<(int Visited, IReadOnlyList<string> Problems)> RunAsync(IPage page, params Check[] checks)
    {
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var path = queue.Dequeue();
            var kind = Kind(path);
            if (kinds.GetValueOrDefault(kind) >= 2)
            {
                continue;
            }

            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            var response = await page.GotoAsync(path);
            visited++;
            if (response is null || !response.Headers.GetValueOrDefault("content-type", "").StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var check in checks)
            {
                problems.AddRange(await check(page));
            }

            foreach (var href in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href^=\"/\"]')].map(a => a.getAttribute('href'))"))
            {
                var link = href.Split('#')[0];
                if (link.Length > 0 && Followable(link) && seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        Assert.True(visited >= 25, $"only {visited} pages were reached");
        return (visited, problems);
    }

    /// <summary>Pages only: no API, downloads, switches or sign-out.</summary>
    private static bool Followable(string link) =>
        !link.StartsWith("//", StringComparison.Ordinal)
        && !new[] { "/api/", "/culture/", "/display/", "/account/sign-out", "/health", "/metrics", "/openapi", "/sitemap.xml", "/lib/", "/css/", "/js/" }.Any(p => link.StartsWith(p, StringComparison.Ordinal))
        && !new[] { ".pdf", ".xlsx", ".csv", ".json", ".docx", ".txt", ".svg" }.Any(e => link.Split('?')[0].EndsWith(e, StringComparison.OrdinalIgnoreCase))
        && !link.Contains("handler=", StringComparison.Ordinal)
        && !link.Contains("/download", StringComparison.Ordinal)
        && !link.Contains("/files/", StringComparison.Ordinal);

    /// <summary>A page's kind: its path with numbers as {n} and its query's names without their values.</summary>
    private static string Kind(string link)
    {
        var parts = link.Split('?', 2);
        var path = System.Text.RegularExpressions.Regex.Replace(parts[0], @"\d+", "{n}");
        var names = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "";
        return path + "?" + names;
    }
}
