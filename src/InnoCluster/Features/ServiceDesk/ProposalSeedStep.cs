using System.Globalization;
using System.Text.Json;
using InnoCluster.Features.Documents;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// The seed's handled proposals (data/seed/proposals.json): each is read from its published reply letter,
/// every field with the sentence of the letter that states it, checked here against the letter's text. What
/// the letter does not state (the outcome class, the due date, who carries each commitment out, by when, how
/// far it has got) is left empty and reads as unknown. What the office recorded since is kept.
/// </summary>
public sealed class ProposalSeedStep : ISeedStep
{
    public const string FileName = "proposals.json";

    public string Name => "proposals";

    public int Order => 55;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } = [FileName];

    private sealed record Stated<T>(T Value, string Quote);

    private sealed record Span(string From, string To);

    private sealed record SeedCommitment(int Number, string Title, string Quote);

    private sealed record SeedProposal(
        string Source, ProposalKind Kind, Stated<string> Session, Stated<int> Number, Stated<string> Proposer, Stated<string> Title, Stated<string> LeadUnit,
        Stated<DateOnly> RepliedOn, Stated<string> DisclosureIndex, Stated<DateOnly> PublishedOn, Stated<string> Publisher, Stated<string> ContactName,
        Stated<string> ContactPhone, Span Reply, string CommitmentsHeading, List<SeedCommitment> Commitments);

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var library = context.Services.GetRequiredService<IDocumentLibrary>();
        var personal = context.Services.GetRequiredService<PersonalData>();
        await using var stream = File.OpenRead(context.PathOf(FileName));
        var seeds = await JsonSerializer.DeserializeAsync<List<SeedProposal>>(stream, SeedJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{FileName} is empty.");
        foreach (var seed in seeds)
        {
            var where = $"{FileName}, {seed.Source}";
            var letter = await library.SeedTextAsync(seed.Source, cancellationToken) ?? throw new InvalidDataException($"{where}: no seed document {seed.Source}");
            var text = Squash(letter.Text);
            void Check<T>(string field, Stated<T> stated, params string[] forms)
            {
                if (!text.Contains(Squash(stated.Quote), StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{where}, {field}: the quote is not in the letter: {stated.Quote}");
                }

                SeedFacts.Require(stated.Quote, where, field, forms.Length > 0 ? forms : [Convert.ToString(stated.Value, CultureInfo.InvariantCulture)!]);
            }

            Check("session", seed.Session);
            Check("number", seed.Number, $"第{seed.Number.Value}号");
            Check("proposer", seed.Proposer);
            Check("title", seed.Title);
            Check("leadUnit", seed.LeadUnit);
            Check("repliedOn", seed.RepliedOn, Written(seed.RepliedOn.Value), seed.RepliedOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Check("disclosureIndex", seed.DisclosureIndex);
            Check("publishedOn", seed.PublishedOn, "公开日期 " + seed.PublishedOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Check("publisher", seed.Publisher, "发布机构 " + seed.Publisher.Value);
            Check("contactName", seed.ContactName, "联系人:" + seed.ContactName.Value);
            Check("contactPhone", seed.ContactPhone, "联系电话:" + seed.ContactPhone.Value);
            Check("commitmentsHeading", new Stated<int>(seed.Commitments.Count, seed.CommitmentsHeading), $"{"一二三四五六七八九十"[seed.Commitments.Count - 1]}个方面");
            foreach (var c in seed.Commitments)
            {
                Check($"commitments[{c.Number}]", new Stated<string>(c.Title, c.Quote));
            }

            var proposal = await ProposalQueries.WithParts(db).SingleOrDefaultAsync(p => p.SeedSource == seed.Source, cancellationToken);
            if (proposal is null)
            {
                proposal = new Proposal { SeedSource = seed.Source, Status = ProposalStatus.Replied, RegisteredAt = context.Clock.GetUtcNow() };
                db.Add(proposal);
            }

            (proposal.Kind, proposal.Session, proposal.Number, proposal.Proposer, proposal.Title, proposal.LeadUnit) =
                (seed.Kind, seed.Session.Value, seed.Number.Value, seed.Proposer.Value, seed.Title.Value, seed.LeadUnit.Value);
            (proposal.ReplyText, proposal.RepliedOn, proposal.DisclosureIndex, proposal.Publisher, proposal.PublishedOn, proposal.ReplyDocumentId) =
                (Between(letter.Text, seed.Reply, where), seed.RepliedOn.Value, seed.DisclosureIndex.Value, seed.Publisher.Value, seed.PublishedOn.Value, letter.Id);
            if (proposal.Id == 0)
            {
                // Only on first load: a contact erased since stays erased.
                (proposal.ContactNameProtected, proposal.ContactPhoneProtected) = (personal.Protect(seed.ContactName.Value), personal.Protect(seed.ContactPhone.Value));
            }

            foreach (var c in seed.Commitments)
            {
                var commitment = proposal.Commitments.SingleOrDefault(k => k.Number == c.Number);
                if (commitment is null)
                {
                    commitment = new ProposalCommitment { Number = c.Number };
                    proposal.Commitments.Add(commitment);
                }

                (commitment.Title, commitment.Text, commitment.Quote) = (c.Title, c.Quote, c.Quote);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Written(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The reply's body as the letter has it, from its first words to its last.</summary>
    private static string Between(string text, Span span, string where)
    {
        var start = text.IndexOf(span.From, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(span.To, start, StringComparison.Ordinal);
        return start >= 0 && end >= 0
            ? text[start..(end + span.To.Length)].Trim()
            : throw new InvalidDataException($"{where}, reply: the letter has no text from “{span.From}” to “{span.To}”");
    }
}
