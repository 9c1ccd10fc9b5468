using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// A request is filed: by a firm's account for its own firm, or by the desk recording a call (12345), a
/// visit or a letter for any firm, with the time it was received. The desk's acceptance clock starts, and the
/// classifier proposes a theme for the desk to confirm or correct.
/// </summary>
public sealed class FileAppeal(InnoClusterDbContext db, IRegistryDirectory registry, CalendarStore calendars, ThemeSuggester themes, PersonalData personal, TimeProvider clock)
{
    public sealed record Request(string? Topic, string? Text, int? EnterpriseId, AppealChannel? Channel, DateTimeOffset? ReceivedAt, string? ContactName, string? ContactPhone);

    public async Task<Result<AppealView>> RunAsync(Request request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var actor = AppealActor.Of(user, now);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Topic) || request.Topic.Trim().Length > 200)
        {
            errors.Add(new("topic", "请填写诉求主题（200字以内） / a topic of at most 200 characters"));
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Trim().Length > 5000)
        {
            errors.Add(new("text", "请写明诉求内容（5000字以内） / the request, at most 5000 characters"));
        }

        var firm = actor.IsDesk ? request.EnterpriseId : actor.EnterpriseId;
        if (!actor.IsDesk && request.EnterpriseId is { } asked && asked != actor.EnterpriseId)
        {
            return Problem.Forbidden("企业账号只能为本企业提出诉求 / a firm's account files for its own firm only");
        }

        var firms = firm is { } id ? await registry.SketchesAsync([id], cancellationToken) : new Dictionary<int, EnterpriseSketch>();
        if (firm is null || !firms.ContainsKey(firm.Value))
        {
            errors.Add(new("enterpriseId", "请选择企业库中的企业 / choose an enterprise in the registry"));
        }

        var received = actor.IsDesk && request.ReceivedAt is { } at ? at : now;
        if (received > now.AddMinutes(5))
        {
            errors.Add(new("receivedAt", "受理时间不能晚于现在 / the time received cannot be in the future"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        var appeal = new Appeal
        {
            Topic = request.Topic!.Trim(),
            Text = request.Text!.Trim(),
            EnterpriseId = firm,
            EnterpriseName = firms[firm!.Value].Name,
            DistrictId = firms[firm.Value].DistrictId,
            Channel = actor.IsDesk ? request.Channel ?? AppealChannel.Other : AppealChannel.Platform,
            ContactNameProtected = personal.Protect(request.ContactName),
            ContactPhoneProtected = personal.Protect(request.ContactPhone),
            FiledById = actor.UserId,
        };
        if (await themes.SuggestAsync(db, ThemeSuggester.TextOf(appeal.Topic, appeal.Text), cancellationToken) is { } suggestion)
        {
            (appeal.SuggestedTheme, appeal.SuggestedThemeConfidence) = (suggestion.Theme, Math.Round(suggestion.Confidence, 3));
        }

        appeal.Filed(received, await calendars.LoadAsync(cancellationToken), actor);
        db.Add(appeal);
        await db.SaveChangesAsync(cancellationToken);
        return AppealView.Of(appeal, actor, personal);
    }
}
