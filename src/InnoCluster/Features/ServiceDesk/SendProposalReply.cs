using System.Security.Claims;
using InnoCluster.Features.Documents;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// The office sends the signed-off reply (答复) and records its disclosure (公开方式). A disclosed reply is
/// published in the document library as the letter with its 信息索引号, 发布机构 and 公开日期, as 003 is; a
/// reply that is not disclosed is sent only. Publishing the same letter again finds the same document.
/// </summary>
public sealed class SendProposalReply(InnoClusterDbContext db, ILetterPublisher publisher, PersonalData personal, TimeProvider clock)
{
    public sealed record Request(DateOnly? RepliedOn, DisclosureMode? Disclosure, string? DisclosureIndex, string? Publisher, DateOnly? PublishedOn);

    public async Task<Result<ProposalView>> RunAsync(int id, Request request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = AppealActor.Of(user, clock.GetUtcNow());
        var proposal = await ProposalQueries.WithParts(db).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null || !proposal.IsVisibleTo(actor))
        {
            return Problem.NotFound("没有这件建议提案 / no such proposal");
        }

        if (request.Disclosure is not { } disclosure)
        {
            return Problem.Invalid("disclosure", "请选择公开方式 / disclosure: Active, OnRequest or NotDisclosed");
        }

        var repliedOn = request.RepliedOn ?? WorkingCalendar.BeijingDay(actor.Now);
        if (proposal.WhyNotPublishable(actor, disclosure, request.DisclosureIndex, request.Publisher, request.PublishedOn) is { } problem)
        {
            return problem;
        }

        int? documentId = null;
        if (disclosure != DisclosureMode.NotDisclosed)
        {
            var kindWord = proposal.Kind == ProposalKind.CppccProposal ? "提案" : "建议";
            var letter = new LetterToPublish(
                proposal.Number is { } number ? $"对{proposal.Session}第{number}号{kindWord}的答复函" : $"对《{proposal.Title}》的答复函",
                $"{proposal.Proposer} {(proposal.Kind == ProposalKind.CppccProposal ? "委员" : "代表")}",
                proposal.ReplyText!, proposal.LeadUnit, repliedOn, request.DisclosureIndex!.Trim(), request.Publisher!.Trim(), request.PublishedOn!.Value);
            var published = await publisher.PublishAsync(letter, cancellationToken);
            if (published.Problem is { } failed)
            {
                return failed;
            }

            documentId = published.Value;
        }

        // Publishing ingests the letter in a transaction of its own, which starts from a clean change tracker: the proposal is read again.
        proposal = await ProposalQueries.WithParts(db).SingleAsync(p => p.Id == id, cancellationToken);
        if (proposal.Reply(repliedOn, disclosure, request.DisclosureIndex, request.Publisher, request.PublishedOn, documentId, actor) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ProposalView.Of(proposal, actor, personal);
    }
}
