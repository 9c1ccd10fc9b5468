using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// The office registers a proposal it was assigned (交办): kind, session and number, proposer, title and text,
/// the lead unit and co-handling units, and the date the reply is due. A number is registered once per session.
/// </summary>
public sealed class RegisterProposal(InnoClusterDbContext db, PersonalData personal, TimeProvider clock)
{
    public sealed record Request(ProposalKind? Kind, string? Session, int? Number, string? Proposer, string? Title, string? Text, string? LeadUnit, IReadOnlyList<string>? CoUnits, DateOnly? DueOn);

    public async Task<Result<ProposalView>> RunAsync(Request request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = AppealActor.Of(user, clock.GetUtcNow());
        var errors = new List<FieldError>();
        Require(errors, "session", request.Session, 100, "届次会议（如 区政协二届三次会议）");
        Require(errors, "proposer", request.Proposer, 200, "提出人");
        Require(errors, "title", request.Title, 300, "标题");
        Require(errors, "leadUnit", request.LeadUnit, 100, "主办单位");
        if (request.Kind is null)
        {
            errors.Add(new("kind", "请选择类别：政协提案或人大建议 / kind: CppccProposal or DeputySuggestion"));
        }

        if (request.Number is <= 0)
        {
            errors.Add(new("number", "编号须为正整数 / the number is a positive whole number"));
        }

        if (request.Text is { Length: > 20000 })
        {
            errors.Add(new("text", "正文不能超过20000字 / the text is at most 20000 characters"));
        }

        var coUnits = (request.CoUnits ?? []).Select(u => u.Trim()).Where(u => u.Length > 0 && u != request.LeadUnit?.Trim()).Distinct().ToList();
        if (coUnits.Any(u => u.Length > 100))
        {
            errors.Add(new("coUnits", "会办单位名称过长 / a co-unit's name is too long"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        var (kind, session) = (request.Kind!.Value, request.Session!.Trim());
        if (request.Number is { } number && await db.Set<Proposal>().AnyAsync(p => p.Kind == kind && p.Session == session && p.Number == number, cancellationToken))
        {
            return Problem.Conflict($"{session}第{number}号已登记 / number {number} of this session is already registered");
        }

        var proposal = new Proposal
        {
            Kind = kind,
            Session = session,
            Number = request.Number,
            Proposer = request.Proposer!.Trim(),
            Title = request.Title!.Trim(),
            Text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim(),
            LeadUnit = request.LeadUnit!.Trim(),
            CoUnits = coUnits,
            DueOn = request.DueOn,
            RegisteredAt = actor.Now,
        };
        db.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return ProposalView.Of(proposal, actor, personal);
    }

    private static void Require(List<FieldError> errors, string field, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors.Add(new(field, $"请填写{label}（{max}字以内） / {field} is required, at most {max} characters"));
        }
    }
}
