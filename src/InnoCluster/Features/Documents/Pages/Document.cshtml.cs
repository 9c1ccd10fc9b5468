using System.Globalization;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Documents.Pages;

[Authorize(Policy = Policies.Public)]
public sealed partial class DocumentModel(GetDocument get, DocumentSearch search) : PageModel
{
    public sealed record Paragraph(int Start, IReadOnlyList<Sentence> Sentences);

    public sealed record FactGroup(string Title, IReadOnlyList<GetDocument.Fact> Facts);

    public GetDocument.Details Details { get; private set; } = default!;

    public IReadOnlyList<Paragraph> Paragraphs { get; private set; } = [];

    public IReadOnlyList<FactGroup> FactGroups { get; private set; } = [];

    public IReadOnlyList<DocumentSearch.Related> Related { get; private set; } = [];

    public bool IsCurrent { get; private set; }

    /// <summary>The search the reader came from, whose words are marked in the text.</summary>
    public string? Query { get; private set; }

    /// <summary>How many marked places the text has; each is an anchor match-1 … match-N.</summary>
    public int MatchCount { get; private set; }

    private int? _highlight;
    private int? _highlightEnd;
    private IReadOnlyList<QueryTerm> _terms = [];
    private Dictionary<int, GetDocument.Section> _headings = [];
    private Dictionary<int, IReadOnlyList<SnippetPart>> _marked = [];

    public string KindLabel => DocumentLabels.Kind(Details.Kind);

    public async Task<IActionResult> OnGetAsync(int id, int? version, int? s, int? e, string? q, CancellationToken cancellationToken)
    {
        var details = await get.RunAsync(id, version, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        Details = details;
        IsCurrent = details.Versions.FirstOrDefault(v => v.Current)?.Number == details.Version;
        _highlight = s;
        _highlightEnd = e > s ? e : null;
        _terms = string.IsNullOrWhiteSpace(q) ? [] : SearchAnalyzer.Default.QueryTerms(q);
        _headings = details.Outline.GroupBy(h => h.Start).ToDictionary(g => g.Key, g => g.First());
        var sentences = Sentences.Split(details.Text);
        var paragraphs = new List<Paragraph>();
        var offset = 0;
        foreach (var line in details.Text.Split('\n'))
        {
            var start = offset;
            var end = offset + line.Length;
            offset = end + 1;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            paragraphs.Add(new Paragraph(start + (line.Length - line.TrimStart().Length), sentences.Where(x => x.Start >= start && x.Start < end).ToList()));
        }

        Paragraphs = paragraphs;
        if (_terms.Count > 0)
        {
            Query = q!.Trim();
            // Marked once: the count for the bar at the top, the parts for the text below.
            _marked = paragraphs.SelectMany(p => p.Sentences).ToDictionary(x => x.Start, x => Snippets.Mark(x.Text, _terms));
            MatchCount = _marked.Values.Sum(parts => parts.Count(part => part.Hit));
        }

        FactGroups = new[]
        {
            new FactGroup(Ui.L("目标", "Targets"), details.Facts.Where(f => f.Kind == "Target").ToList()),
            new FactGroup(Ui.L("数据", "Figures"), details.Facts.Where(f => f.Kind == "Figure").ToList()),
            new FactGroup(Ui.L("数量", "Counts"), details.Facts.Where(f => f.Kind == "Count").ToList()),
            new FactGroup(Ui.L("提及的企业", "Enterprises named"), details.Facts.Where(f => f.Kind == "EnterpriseMention").DistinctBy(f => f.EnterpriseId).ToList()),
            new FactGroup(Ui.L("提及的创新载体", "Carriers named"), details.Facts.Where(f => f.Kind == "CarrierMention").DistinctBy(f => f.CarrierId).ToList()),
        }.Where(g => g.Facts.Count > 0).ToList();
        Related = await search.RelatedAsync(id, 6, cancellationToken);
        return Page();
    }

    public GetDocument.Section? HeadingAt(int start) => _headings.GetValueOrDefault(start);

    /// <summary>The cited sentence (s), or every sentence starting in [s, e) when a quote runs over several.</summary>
    public string SentenceClass(int start) =>
        start == _highlight || (start > _highlight && start < _highlightEnd) ? "sentence cited" : string.Empty;

    public IReadOnlyList<SnippetPart> Marked(Sentence sentence) =>
        _marked.TryGetValue(sentence.Start, out var parts) ? parts : [new SnippetPart(sentence.Text, false)];

    public string LevelLabel => Details.LevelText ?? DocumentLabels.Level(Details.Level);

    /// <summary>
    /// The subject with its Latin words as the sentence writes them (IoT, not the search form iot); the subject
    /// was read from the normalised text, so its Chinese may be simplified where the sentence is traditional.
    /// </summary>
    private static string AsWritten(string subject, string? sentence) =>
        sentence is null ? subject : LatinRun().Replace(subject, m =>
        {
            var at = CultureInfo.InvariantCulture.CompareInfo.IndexOf(sentence, m.Value, CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth, out var length);
            return at >= 0 ? sentence.Substring(at, length).Normalize(System.Text.NormalizationForm.FormKC) : m.Value; // ＩｏＴ → IoT
        });

    [System.Text.RegularExpressions.GeneratedRegex("[A-Za-z]+")]
    private static partial System.Text.RegularExpressions.Regex LatinRun();

    public string Describe(GetDocument.Fact f)
    {
        var parts = new List<string>();
        if (f.Subject is not null)
        {
            parts.Add(AsWritten(f.Subject, f.Sentence));
        }

        if (f.Metric is not null)
        {
            parts.Add(AsWritten(f.Metric, f.Sentence));
        }

        if (f.Year is not null)
        {
            parts.Add(f.Kind == "Target" ? Ui.L($"{f.Year}年目标", $"target for {f.Year}") : f.Year.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (f.Value is { } value && f.Unit == "元")
        {
            parts.Add("= " + Ui.Yuan(value));
        }

        return string.Join(" · ", parts);
    }
}
