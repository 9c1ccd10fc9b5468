using System.Text.Json;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// Loads the State Council's holiday notices (data/seed/calendar: each notice's text and where it was
/// published) and the days each sets. Days an administrator corrected are kept; a year without a notice
/// has no rows and counts weekdays only; a notice new to the database recounts the open requests' provisional deadlines.
/// </summary>
public sealed class CalendarSeedStep : ISeedStep
{
    public const string NoticesFile = "calendar/notices.json";

    public string Name => "holiday-calendar";

    public int Order => 15;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } = [NoticesFile, "calendar/2025.txt", "calendar/2026.txt"];

    private sealed record NoticeSource(int Year, string File, string Title, string Issuer, DateOnly IssuedOn, string Url, string Published);

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(context.PathOf(NoticesFile));
        var sources = await JsonSerializer.DeserializeAsync<List<NoticeSource>>(stream, SeedJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{NoticesFile} is empty.");
        var known = await db.Set<HolidayNotice>().Select(n => n.Year).ToListAsync(cancellationToken);
        foreach (var source in sources)
        {
            var text = await File.ReadAllTextAsync(context.PathOf(source.File), cancellationToken);
            if (!text.Contains(source.Title, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{NoticesFile}, {source.Year}: the title is not in {source.File}.");
            }

            var entries = HolidayNoticeReader.Read(source.Year, text);
            await PublishHolidayNotice.ReplaceYearAsync(
                db, new HolidayNotice { Year = source.Year, Title = source.Title, Issuer = source.Issuer, IssuedOn = source.IssuedOn, Url = source.Url, Published = source.Published, Text = text }, entries, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (sources.Where(source => !known.Contains(source.Year)).Select(source => source.Title).ToList() is [_, ..] added)
        {
            var seed = new AppealActor("seed", "平台（随版本发布的放假通知）", false, null, null, context.Clock.GetUtcNow());
            await PublishHolidayNotice.RecountOpenRequestsAsync(db, await new CalendarStore(db).LoadAsync(cancellationToken), string.Join("；", added), seed, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
