using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// Anyone files an objection (异议) to a 公示 during its period, in their own name with a way to reach them
/// (kept encrypted, shown only to the office); it may name the application it objects to.
/// </summary>
public sealed class FileObjection(InnoClusterDbContext db, PersonalData personal, TimeProvider clock)
{
    public sealed record Request(int? ApplicationId, string? Name, string? Contact, string? Text);

    public sealed record Filed(int Id, int CallId, DateTimeOffset FiledAt);

    public async Task<Result<Filed>> RunAsync(int callId, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var call = await db.Set<Call>().SingleOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null || !call.IsPublic)
        {
            return Problem.NotFound();
        }

        if (!call.TakesObjectionsAt(now))
        {
            return Problem.Conflict("不在公示期内 / the call is not in its 公示 period");
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            errors.Add(new("name", "请署名（100字以内） / your name, at most 100 characters"));
        }

        if (string.IsNullOrWhiteSpace(request.Contact) || request.Contact.Trim().Length > 200)
        {
            errors.Add(new("contact", "请留下联系方式（200字以内） / how to reach you, at most 200 characters"));
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Trim().Length > 5000)
        {
            errors.Add(new("text", "请写明异议内容（5000字以内） / the objection, at most 5000 characters"));
        }

        if (request.ApplicationId is { } application
            && !await db.Set<CallApplication>().AnyAsync(a => a.Id == application && a.CallId == callId && a.Status == ApplicationStatus.Selected, cancellationToken))
        {
            errors.Add(new("applicationId", "公示名单中没有该项 / no such entry in the 公示 list"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        var objection = new Objection
        {
            CallId = callId, ApplicationId = request.ApplicationId, Text = request.Text!.Trim(), FiledByProtected = personal.Protect(request.Name!.Trim())!,
            ContactProtected = personal.Protect(request.Contact!.Trim()), FiledById = actor.UserId.Length > 0 ? actor.UserId : null, FiledAt = now,
        };
        db.Add(objection);
        await db.SaveChangesAsync(cancellationToken);
        return new Filed(objection.Id, callId, now);
    }
}
