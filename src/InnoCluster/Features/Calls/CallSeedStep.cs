using System.Text.Json;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// The selection rounds the documents describe (data/seed/calls.json), as recorded calls: each with the
/// sentence that states it, checked here against the document's text, and every field it sets stated in that
/// sentence (the kind, the programme, the level; a year only where the sentence says "每年度" in a plan for
/// 2023-2025). Dates, quotas, forms and applicants are not in the documents and stay empty: no applicant is
/// invented. A recorded call is left as the office has since changed it.
/// </summary>
public sealed class CallSeedStep : ISeedStep
{
    public const string FileName = "calls.json";

    public string Name => "calls";

    public int Order => 60;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } = [FileName];

    private sealed record Stated(string Kind, string Programme, string? Level, string? Year);

    private sealed record SeedCall(string Key, string Source, int? Year, string Title, CallKind Kind, CallProgramme Programme, string? Level, string Quote, Stated States);

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var library = context.Services.GetRequiredService<IDocumentLibrary>();
        await using var stream = File.OpenRead(context.PathOf(FileName));
        var seeds = await JsonSerializer.DeserializeAsync<List<SeedCall>>(stream, SeedJson.Options, cancellationToken) ?? throw new InvalidDataException($"{FileName} is empty.");
        foreach (var seed in seeds)
        {
            var where = $"{FileName}, {seed.Key}";
            var document = await library.SeedTextAsync(seed.Source, cancellationToken) ?? throw new InvalidDataException($"{where}: no seed document {seed.Source}");
            if (!Squash(document.Text).Contains(Squash(seed.Quote), StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{where}: the quote is not in {seed.Source}: {seed.Quote}");
            }

            SeedFacts.Require(seed.Quote, where, "kind", [seed.States.Kind]);
            SeedFacts.Require(seed.Quote, where, "programme", [seed.States.Programme]);
            if (seed.Level is not null)
            {
                SeedFacts.Require(seed.Quote, where, "level", [seed.States.Level ?? throw new InvalidDataException($"{where}: a level without the words that state it")]);
            }

            if (seed.Year is { } year)
            {
                SeedFacts.Require(seed.Quote, where, "year", [seed.States.Year ?? throw new InvalidDataException($"{where}: a year without the words that state it")]);
                SeedFacts.Require(document.Title, where, "year", [$"{2023}-{2025}"]);
                if (year is < 2023 or > 2025)
                {
                    throw new InvalidDataException($"{where}: {year} is outside the plan's years 2023-2025");
                }
            }

            if (await db.Set<Call>().AnyAsync(c => c.SeedKey == seed.Key, cancellationToken))
            {
                continue;
            }

            db.Add(new Call
            {
                SeedKey = seed.Key, Title = seed.Title, Kind = seed.Kind, Programme = seed.Programme, Level = seed.Level, Year = seed.Year, Summary = seed.Quote,
                Status = CallStatus.Recorded, CreatedBy = "seed", CreatedAt = context.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
                Source = Provenance.FromDocument(seed.Source, seed.Quote, document.DocumentDate) with
                {
                    Note = seed.Year is null ? null : $"计划期为2023-2025年，文件写明“每年度”遴选：每年一轮，本条为{seed.Year}年度。 / The plan runs 2023-2025 and says the selection is held every year (每年度): one round a year; this is {seed.Year}'s.",
                },
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
