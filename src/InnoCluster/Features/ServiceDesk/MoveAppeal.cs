using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// Moves a request one step (assign, respond, extend, decide the extension, hand back, resolve, rate): the
/// request decides whether the person may make the move from where it stands (rules on <see cref="Appeal"/>),
/// on the working calendar as it is now; a request the person may not see is not found.
/// </summary>
public sealed class MoveAppeal(InnoClusterDbContext db, CalendarStore calendars, PersonalData personal, TimeProvider clock)
{
    public sealed record AssignRequest(string? LeadUnit, IReadOnlyList<string>? CoUnits, string? Theme);

    public sealed record NoteRequest(string? Note);

    public sealed record ExtensionDecision(bool Approve, string? Note);

    public sealed record RatingRequest(Satisfaction Rating, string? Comment);

    public Task<Result<AppealView>> AssignAsync(int id, AssignRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (a, now, calendar, actor) => a.Assign(request.LeadUnit ?? "", request.CoUnits ?? [], request.Theme, now, calendar, actor), ct);

    public Task<Result<AppealView>> RespondAsync(int id, NoteRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (a, now, _, actor) => a.Respond(request.Note ?? "", now, actor), ct);

    public Task<Result<AppealView>> ExtendAsync(int id, NoteRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (a, _, _, actor) => a.RequestExtension(request.Note ?? "", actor), ct);

    public Task<Result<AppealView>> DecideExtensionAsync(int id, ExtensionDecision request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (a, _, calendar, actor) => a.DecideExtension(request.Approve, request.Note, calendar, actor), ct);

    public Task<Result<AppealView>> HandBackAsync(int id, NoteRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (a, now, calendar, actor) => a.HandBack(request.Note ?? "", now, calendar, actor), ct);

    public Task<Result<AppealView>> ResolveAsync(int id, NoteRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (a, now, _, actor) => a.Resolve(request.Note ?? "", now, actor), ct);

    public Task<Result<AppealView>> RateAsync(int id, RatingRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (a, now, calendar, actor) => a.Rate(request.Rating, request.Comment, now, calendar, actor), ct);

    private async Task<Result<AppealView>> RunAsync(int id, ClaimsPrincipal user, Func<Appeal, DateTimeOffset, WorkingCalendar, AppealActor, Problem?> move, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var actor = AppealActor.Of(user, now);
        var appeal = await db.Set<Appeal>().Include(a => a.Steps).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (appeal is null || !appeal.IsVisibleTo(actor))
        {
            return Problem.NotFound("没有这件诉求 / no such request");
        }

        if (move(appeal, now, await calendars.LoadAsync(ct), actor) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(ct);
        return AppealView.Of(appeal, actor, personal);
    }
}
