using System.Formats.Tar;
using System.IO.Compression;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Documents;

/// <summary>An app holding the whole laws corpus (3,475 files, tests/fixtures/corpus/laws-zh.tar.gz) beside the seed documents.</summary>
public sealed class LawsCorpusApp<TTarget> : TestApp<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly Lazy<Task> _ingested;

    public LawsCorpusApp() => _ingested = new(IngestAsync);

    public Task IngestedAsync() => _ingested.Value;

    private async Task IngestAsync()
    {
        var folder = TestPaths.NewTempDirectory();
        await using (var archive = new GZipStream(File.OpenRead(TestPaths.Corpus("laws-zh.tar.gz")), CompressionMode.Decompress))
        {
            await TarFile.ExtractToDirectoryAsync(archive, folder, overwriteFiles: false);
        }

        // Through the CLI, as an operator imports a folder of laws.
        await using (var scope = Scope())
        {
            var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["import", "documents"]));
            using var output = new StringWriter();
            var exit = await verb.RunAsync(CliCommand.Parse(["import", "documents", folder])!, scope.ServiceProvider, output, CancellationToken.None);
            Assert.True(exit == 0, output.ToString());
        }

        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>
/// The development question set over the whole laws corpus and the seed documents: the right document, and the
/// passage that answers, ranked high enough on every engine. Floors are set a little under what was measured
/// (README, "Search quality"); a change that loses quality fails here.
/// </summary>
public abstract class LawQuestionsTests<TTarget> : DatabaseTests<TTarget>, IAsyncLifetime
    where TTarget : DatabaseTarget, new()
{
    private readonly LawsCorpusApp<TTarget> _app;

    protected LawQuestionsTests(LawsCorpusApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Per engine ("lucene", "sql"): the least hit@1 and recall@10 for documents.</summary>
    protected abstract IReadOnlyDictionary<string, (double HitAt1, double RecallAt10)> DocumentFloors { get; }

    protected abstract (double HitAt1, double RecallAt10) PassageFloor { get; }

    /// <summary>The least share of questions whose first document is the same on Lucene and in SQL.</summary>
    protected virtual double SameFirstFloor => 0.90; // measured 0.935

    public async ValueTask InitializeAsync() => await _app.IngestedAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task QuestionSet_EveryAnswer_StandsInItsDocument()
    {
        var questions = LawQuestions.Load();
        Assert.True(questions.Count >= 200, $"{questions.Count} questions; the set needs at least 200");
        var titles = questions.Where(q => !LawQuestions.IsSeed(q, out _)).Select(q => q.Document).Distinct().ToList();
        var documents = await _app.WithDbAsync(db => (from d in db.Set<Document>().AsNoTracking()
                                                       join v in db.Set<DocumentVersion>().AsNoTracking() on d.CurrentVersionId equals v.Id
                                                       where titles.Contains(d.Title) || d.SeedFile != null
                                                       select new { d.Title, d.SeedFile, v.CleanText }).ToListAsync(Ct));
        Assert.All(questions, q =>
        {
            var document = documents.Where(d => LawQuestions.IsAnswer(q, d.Title, d.SeedFile)).ToList();
            Assert.True(document.Count == 1, $"{q.Text}: {document.Count} documents titled {q.Document}");
            Assert.True(LawQuestions.Quotes(q, document[0].CleanText), $"{q.Text}: {q.Document} does not say {q.Quote}");
        });
    }

    [Fact]
    public async Task Questions_FindTheAnsweringDocument_OnEveryEngine()
    {
        await using var scope = _app.Scope();
        var search = scope.ServiceProvider.GetRequiredService<DocumentSearch>();
        var engines = scope.ServiceProvider.GetRequiredService<DocumentSearchIndex>().Enabled ? new[] { true, false } : [false];
        var failures = new List<string>();
        var report = new List<string>();
        var firsts = new List<int?[]>();
        foreach (var lucene in engines)
        {
            var ranks = new List<int?>();
            var first = new List<int?>();
            foreach (var question in LawQuestions.Load())
            {
                var result = await search.RunAsync(new DocumentSearch.Query(question.Text, PageSize: LawQuestions.Depth, Facets: false), lucene, Ct);
                first.Add(result.Page.Items.Count > 0 ? result.Page.Items[0].Id : null);
                ranks.Add(LawQuestions.RankOf(result.Page.Items, i => LawQuestions.IsAnswer(question, i.Title, SeedFileOf(i.Id))));
                report.Add($"{(lucene ? "lucene" : "sql")}\t{ranks[^1]}\t{question.Text}\t{question.Document}\t{string.Join(' ', result.Terms.Select(t => t.Text))}\t{result.Relaxed}\t{string.Join(" | ", result.Page.Items.Take(3).Select(i => i.Title))}");
            }

            firsts.Add([.. first]);
            var engine = lucene ? "lucene" : "sql";
            var scores = LawQuestions.Measure(ranks);
            TestContext.Current.TestOutputHelper?.WriteLine($"{_app.Database.Name} {engine} documents: {scores}");
            var floor = DocumentFloors[engine];
            if (scores.HitAt1 < floor.HitAt1 || scores.RecallAt10 < floor.RecallAt10)
            {
                failures.Add($"{engine}: {scores}, floor hit@1 {floor.HitAt1}, recall@10 {floor.RecallAt10}");
            }
        }

        QualityReports.Write($"{_app.Database.Name}-documents", report);
        if (firsts.Count == 2)
        {
            // Lucene and SQL full text are two engines over the same terms: most questions get the same first document.
            var same = firsts[0].Zip(firsts[1]).Count(p => p.First == p.Second) / (double)firsts[0].Length;
            TestContext.Current.TestOutputHelper?.WriteLine($"same first document on both engines: {same:F3}");
            QualityReports.Write($"{_app.Database.Name}-engines", [$"same first document on both engines: {same:F3}"]);
            if (same < SameFirstFloor)
            {
                failures.Add($"the same first document on both engines for {same:F3} of the questions, floor {SameFirstFloor}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Questions_FindTheAnsweringPassage()
    {
        await using var scope = _app.Scope();
        var search = scope.ServiceProvider.GetRequiredService<DocumentSearch>();
        var ranks = new List<int?>();
        var report = new List<string>();
        foreach (var question in LawQuestions.Load())
        {
            var passages = await search.PassagesAsync(question.Text, LawQuestions.Depth, Ct);
            ranks.Add(LawQuestions.RankOf(passages, p => LawQuestions.IsAnswer(question, p.DocumentTitle, p.SeedFile) && LawQuestions.Quotes(question, p.Text)));
            report.Add($"{ranks[^1]}\t{question.Text}\t{question.Document}\t{question.Article}\t{string.Join(" | ", passages.Take(2).Select(p => p.DocumentTitle + ": " + p.Text[..Math.Min(40, p.Text.Length)]))}");
        }

        QualityReports.Write($"{_app.Database.Name}-passages", report);

        var scores = LawQuestions.Measure(ranks);
        TestContext.Current.TestOutputHelper?.WriteLine($"{_app.Database.Name} passages: {scores}");
        Assert.True(scores.HitAt1 >= PassageFloor.HitAt1 && scores.RecallAt10 >= PassageFloor.RecallAt10, $"{scores}; floor {PassageFloor}");
    }

    /// <summary>
    /// Queries naming a law, and mostly an article (民法典第一千零六十二条, 劳动合同法第82条, 《民法典》…, 廣告法第九條,
    /// 商标法 先用权): each goes straight to it, on every query of the set — the law named first, the article's text
    /// beside it, the law first among the results and the article's paragraph first among the passages.
    /// </summary>
    [Fact]
    public async Task QueriesNamingALaw_GoStraightToItAndItsArticle()
    {
        await using var scope = _app.Scope();
        var search = scope.ServiceProvider.GetRequiredService<DocumentSearch>();
        var rows = File.ReadLines(TestPaths.Fixture("search/named-law-queries.tsv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        Assert.True(rows.Count >= 32, $"{rows.Count} queries");
        var failures = new List<string>();
        foreach (var (query, title, article) in rows.Select(r => (r[0], r[1], r[2].Length > 0 ? r[2] : null)))
        {
            var result = await search.RunAsync(new DocumentSearch.Query(query, Facets: false), Ct);
            var named = result.Named?.Laws ?? [];
            var passages = await search.PassagesAsync(query, 5, Ct);
            var problems = new List<string>();
            if (named.Count == 0 || named[0].Title != title || named[0].Article != article)
            {
                problems.Add($"named {string.Join(", ", named.Select(n => $"{n.Title} {n.Article}"))}");
            }
            else if (article is not null && named[0].Text?.StartsWith(article, StringComparison.Ordinal) != true)
            {
                problems.Add($"article text {named[0].Text}");
            }

            if (result.Page.Items.Count == 0 || result.Page.Items[0].Title != title)
            {
                problems.Add($"first result {(result.Page.Items.Count > 0 ? result.Page.Items[0].Title : "none")}");
            }

            if (article is not null && (passages.Count == 0 || passages[0].DocumentTitle != title || !passages[0].Text.StartsWith(article, StringComparison.Ordinal)))
            {
                problems.Add(passages.Count == 0 ? "no passage" : $"first passage {passages[0].DocumentTitle}: {passages[0].Text[..Math.Min(20, passages[0].Text.Length)]}");
            }

            if (problems.Count > 0)
            {
                failures.Add($"{query}: {string.Join("; ", problems)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private Dictionary<int, string?>? _seedFiles;

    private string? SeedFileOf(int id)
    {
        _seedFiles ??= _app.WithDbAsync(db => db.Set<Document>().AsNoTracking().Where(d => d.SeedFile != null).ToDictionaryAsync(d => d.Id, d => d.SeedFile, Ct)).GetAwaiter().GetResult();
        return _seedFiles.GetValueOrDefault(id);
    }
}

public sealed class SqliteLawQuestionsTests(LawsCorpusApp<SqliteTarget> app) : LawQuestionsTests<SqliteTarget>(app), IClassFixture<LawsCorpusApp<SqliteTarget>>
{
    protected override IReadOnlyDictionary<string, (double HitAt1, double RecallAt10)> DocumentFloors { get; } =
        new Dictionary<string, (double, double)> { ["lucene"] = (0.66, 0.84), ["sql"] = (0.64, 0.82) }; // measured 0.688 0.866, 0.680 0.850

    protected override (double HitAt1, double RecallAt10) PassageFloor => (0.37, 0.65); // measured 0.397 0.672 on both databases
}

public sealed class PostgresLawQuestionsTests(LawsCorpusApp<PostgresTarget> app) : LawQuestionsTests<PostgresTarget>(app), IClassFixture<LawsCorpusApp<PostgresTarget>>
{
    protected override IReadOnlyDictionary<string, (double HitAt1, double RecallAt10)> DocumentFloors { get; } =
        new Dictionary<string, (double, double)> { ["lucene"] = (0.66, 0.84), ["sql"] = (0.64, 0.84) }; // measured 0.688 0.866 (each node's Lucene index), 0.672 0.866 with BM25 in SQL

    protected override (double HitAt1, double RecallAt10) PassageFloor => (0.37, 0.65); // measured 0.397 0.672 on both databases

    // PostgreSQL's BM25 in SQL (term frequency from ts_rank_cd, idf counted per query) parts from Lucene more than FTS5 does.
    protected override double SameFirstFloor => 0.80; // measured 0.842
}
