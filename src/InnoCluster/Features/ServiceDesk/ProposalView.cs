using InnoCluster.Features.Identity;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>A proposal as a reader may see it: the reply's contact person only for the office and the handling units.</summary>
public sealed record ProposalView(
    int Id, ProposalKind Kind, string Session, int? Number, string Proposer, string Title, string? Text, string LeadUnit, IReadOnlyList<string> CoUnits,
    DateOnly? DueOn, bool Overdue, ProposalStatus Status, DateTimeOffset RegisteredAt, string? ReplyText, ProposalOutcome? Outcome, string? DraftedBy,
    string? SignedOffBy, DateTimeOffset? SignedOffAt, DateOnly? RepliedOn, string? ContactName, string? ContactPhone, DisclosureMode? Disclosure,
    string? DisclosureIndex, string? Publisher, DateOnly? PublishedOn, int? ReplyDocumentId, Satisfaction? ProposerSatisfaction, DateOnly? MetOn,
    string? FeedbackNote, string? SeedSource, IReadOnlyList<ProposalView.Opinion> Opinions, IReadOnlyList<ProposalView.Commitment> Commitments)
{
    public sealed record Opinion(string Unit, string Text, DateTimeOffset At, string By);

    public sealed record Report(string Unit, string Text, bool Done, DateTimeOffset At, string By);

    public sealed record Commitment(int Number, string Title, string Text, string? Unit, DateOnly? DueOn, CommitmentStatus Status, bool Overdue, string? Quote, IReadOnlyList<Report> Reports);

    public static ProposalView Of(Proposal p, AppealActor reader, PersonalData personal)
    {
        var today = WorkingCalendar.BeijingDay(reader.Now);
        var contact = p.ShowsContactTo(reader);
        return new ProposalView(
            p.Id, p.Kind, p.Session, p.Number, p.Proposer, p.Title, p.Text, p.LeadUnit, p.CoUnits, p.DueOn, p.IsOverdue(today), p.Status, p.RegisteredAt,
            p.ReplyText, p.Outcome, p.DraftedBy, p.SignedOffBy, p.SignedOffAt, p.RepliedOn,
            contact ? personal.Unprotect(p.ContactNameProtected) : null, contact ? personal.Unprotect(p.ContactPhoneProtected) : null,
            p.Disclosure, p.DisclosureIndex, p.Publisher, p.PublishedOn, p.ReplyDocumentId, p.ProposerSatisfaction, p.MetOn, p.FeedbackNote, p.SeedSource,
            [.. p.Opinions.OrderBy(o => o.At).ThenBy(o => o.Id).Select(o => new Opinion(o.Unit, o.Text, o.At, o.By))],
            [.. p.Commitments.OrderBy(c => c.Number).Select(c => new Commitment(c.Number, c.Title, c.Text, c.Unit, c.DueOn, c.Status, c.IsOverdue(today), c.Quote,
                [.. c.Reports.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => new Report(r.Unit, r.Text, r.Done, r.At, r.By))]))]);
    }
}
