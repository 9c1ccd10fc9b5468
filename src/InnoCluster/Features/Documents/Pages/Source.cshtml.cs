using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Documents.Pages;

/// <summary>A seed source document as written, with the quoted sentence highlighted.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class SourceModel(SeedSources sources, InnoClusterPaths paths) : PageModel
{
    public sealed record Part(string Text, bool Highlighted);

    public SeedSourceDocument Document { get; private set; } = default!;

    public IReadOnlyList<IReadOnlyList<Part>> Paragraphs { get; private set; } = [];

    public IActionResult OnGet(string file, string? quote)
    {
        var document = sources.Documents.FirstOrDefault(d => d.File == file);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        var text = document.ReadText(paths);
        var start = string.IsNullOrEmpty(quote) ? -1 : text.IndexOf(quote, StringComparison.Ordinal);
        var paragraphs = new List<IReadOnlyList<Part>>();
        var offset = 0;
        foreach (var line in text.Split('\n'))
        {
            var lineStart = offset;
            offset += line.Length + 1;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parts = new List<Part>();
            if (start >= 0 && start < lineStart + line.Length && start + quote!.Length > lineStart)
            {
                var from = Math.Max(0, start - lineStart);
                var to = Math.Min(line.Length, start + quote.Length - lineStart);
                parts.Add(new Part(Clean(line[..from]), false));
                parts.Add(new Part(Clean(line[from..to]), true));
                parts.Add(new Part(Clean(line[to..]), false));
            }
            else
            {
                parts.Add(new Part(Clean(line), false));
            }

            paragraphs.Add(parts);
        }

        Paragraphs = paragraphs;
        return Page();
    }

    private static string Clean(string text) => InnoCluster.Text.ConversionArtefacts.RemovePinyin(text.Trim());
}
