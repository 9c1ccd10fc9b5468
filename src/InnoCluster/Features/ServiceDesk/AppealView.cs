using InnoCluster.Features.Identity;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>A request as a reader may see it: the contact person only for the desk and the units handling it.</summary>
public sealed record AppealView(
    int Id, string Topic, string Text, string? Theme, string? SuggestedTheme, double? SuggestedThemeConfidence, int? EnterpriseId, string EnterpriseName, AppealChannel Channel, AppealStatus Status,
    DateTimeOffset ReceivedAt, string? LeadUnit, IReadOnlyList<string> CoUnits, DateTimeOffset? AcceptDueAt, DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? ResolveDueAt, bool DueIsProvisional, DateTimeOffset? CurrentDueAt, bool Overdue, string? Resolution, string? ExtensionReason,
    bool? ExtensionApproved, Satisfaction? Rating, string? RatingComment, int Reopened, string? ContactName, string? ContactPhone,
    IReadOnlyList<AppealView.Step> Steps)
{
    public sealed record Step(string Action, DateTimeOffset At, string Actor, string? Unit, string? Note, DateTimeOffset? DueAt);

    public static AppealView Of(Appeal a, AppealActor reader, PersonalData personal)
    {
        var contact = a.ShowsContactTo(reader);
        return new AppealView(
            a.Id, a.Topic, a.Text, a.Theme, a.SuggestedTheme, a.SuggestedThemeConfidence, a.EnterpriseId, a.EnterpriseName, a.Channel, a.Status, a.ReceivedAt, a.LeadUnit, a.CoUnits,
            a.AcceptDueAt, a.FirstResponseDueAt, a.ResolveDueAt, a.DueIsProvisional, a.CurrentDueAt, a.IsOverdue(reader.Now), a.Resolution,
            a.ExtensionReason, a.ExtensionApproved, a.Rating, a.RatingComment, a.Reopened,
            contact ? personal.Unprotect(a.ContactNameProtected) : null, contact ? personal.Unprotect(a.ContactPhoneProtected) : null,
            [.. a.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new Step(s.Action, s.At, s.ActorName, s.Unit, s.Note, s.DueAt))]);
    }
}
