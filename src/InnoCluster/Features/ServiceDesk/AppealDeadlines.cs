namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// The clocks of an enterprise request, in working days (the State Council's calendar): accepted and
/// assigned within 1, first answer within 3 of the assignment, resolved within 15, extendable once to 30
/// with the desk's approval — the practice of the provincial enterprise lines the office follows.
/// </summary>
public static class AppealDeadlines
{
    public const int Accept = 1;
    public const int FirstResponse = 3;
    public const int Resolve = 15;
    public const int ExtendedResolve = 30;
}

public sealed partial class Appeal
{
    /// <summary>
    /// A year's notice came out after this open request's deadlines were counted through that year as plain
    /// weekdays: its current deadlines are counted again from the same starting points — filing or the last
    /// hand-back for accepting; the assignment for answering and resolving (30 days once an extension was
    /// approved); the reopening for resolving again. The history gains a step naming the notice; earlier
    /// steps keep the deadlines they set. False when no deadline moved.
    /// </summary>
    public bool RecountDeadlines(WorkingCalendar calendar, string notice, AppealActor actor)
    {
        if (!DueIsProvisional || Status is not (AppealStatus.Received or AppealStatus.Assigned or AppealStatus.InProgress))
        {
            return false;
        }

        var before = (AcceptDueAt, FirstResponseDueAt, ResolveDueAt);
        var provisional = false;
        if (Status == AppealStatus.Received)
        {
            AcceptDueAt = Due(Steps.Where(s => s.Action == "hand-back").MaxBy(s => s.At)?.At ?? ReceivedAt, AppealDeadlines.Accept);
        }
        else if (AssignedAt is { } assigned)
        {
            FirstResponseDueAt = Due(assigned, AppealDeadlines.FirstResponse);
            var last = Steps.Where(s => s.Action is "reopen" or "extension-approved" && s.At >= assigned).MaxBy(s => s.At);
            ResolveDueAt = last?.Action == "reopen"
                ? Due(last.At, AppealDeadlines.Resolve)
                : Due(assigned, last is null ? AppealDeadlines.Resolve : AppealDeadlines.ExtendedResolve);
        }

        DueIsProvisional = provisional;
        if (before == (AcceptDueAt, FirstResponseDueAt, ResolveDueAt))
        {
            return false; // provisional for a year the notice is not about: nothing to tell
        }

        Record("recount", actor, notice, LeadUnit, CurrentDueAt);
        return true;

        DateTimeOffset Due(DateTimeOffset from, int workingDays)
        {
            var due = calendar.DueAfter(from, workingDays);
            provisional |= due.Provisional;
            return due.At;
        }
    }
}
