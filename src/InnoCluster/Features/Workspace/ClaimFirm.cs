using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// A signed-in person claims a firm by its 统一社会信用代码, with proof. It waits for the office — and, when the
/// firm already has members, for its owner too, who is told. A person whose address is at the firm's own mail
/// domain is admitted at once. Officials act for the office and claim no firm; a person acts for one firm at a time.
/// </summary>
public sealed class ClaimFirm(InnoClusterDbContext db, IFirmAccounts firms, IRegistryDirectory registry, ClaimAdmission admission, Notifier notifier, AuditTrail audit, TimeProvider clock)
{
    public sealed record Request(string? CreditCode, Guid? ProofFileId, string? Note);

    public async Task<Result<ClaimView>> RunAsync(string userId, Request request, CancellationToken cancellationToken)
    {
        if (await firms.PersonAsync(userId, cancellationToken) is not { } person)
        {
            return Problem.NotFound("未找到账号 / no such account");
        }

        if (person.ActsForOffice)
        {
            return Problem.Conflict("集群办工作人员、责任单位和管理员不代表企业，不能认领企业 / officials, responsible units and administrators do not act for a firm and cannot claim one");
        }

        if (person.EnterpriseId is { } current)
        {
            return Problem.Conflict($"您已是企业 {current} 的成员，须先退出才能认领另一家 / you already act for enterprise {current}: leave it before claiming another");
        }

        if (!CreditCode.TryParse(request.CreditCode, out var code, out var codeError))
        {
            return Problem.Invalid("creditCode", string.IsNullOrWhiteSpace(request.CreditCode) ? "请填写统一社会信用代码 / enter the credit code" : codeError);
        }

        if (await registry.EnterpriseWithCreditCodeAsync(code, cancellationToken) is not { } enterpriseId || await registry.CardAsync(enterpriseId, cancellationToken) is not { } firm)
        {
            return Problem.Invalid("creditCode", $"登记库中没有信用代码为 {code.Value} 的企业，请联系集群办登记 / no enterprise with credit code {code.Value} is registered: ask the cluster office to register it");
        }

        if (await db.Set<FirmClaim>().AnyAsync(c => c.UserId == userId && c.Status == ClaimStatus.Pending, cancellationToken))
        {
            return Problem.Conflict("您已有一份待审核的认领申请，请等待或撤回 / you have a claim waiting: wait for it or withdraw it");
        }

        if (request.Note is { Length: > 500 })
        {
            return Problem.Invalid("note", "说明不超过 500 字 / the note is at most 500 characters");
        }

        var byDomain = MailDomains.IsAt(person.Email, firm.MailDomain);
        if (request.ProofFileId is { } proof)
        {
            if (!await db.Set<StoredFile>().AnyAsync(f => f.Id == proof && f.OwnerId == userId, cancellationToken))
            {
                return Problem.Invalid("proofFileId", "找不到该证明文件（须是您本人上传的）/ no such proof file among your uploads");
            }
        }
        else if (!byDomain)
        {
            return Problem.Invalid("proofFileId", "请上传营业执照或加盖公章的证明 / upload the business licence or a letter under the company seal");
        }

        var members = await firms.MembersAsync(enterpriseId, cancellationToken);
        var claim = new FirmClaim
        {
            UserId = userId,
            ClaimantName = person.Name,
            ClaimantEmail = person.Email,
            EnterpriseId = enterpriseId,
            EnterpriseName = firm.Name,
            ProofFileId = request.ProofFileId,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            ToOwner = members.Count > 0,
            Status = ClaimStatus.Pending,
            FiledAt = clock.GetUtcNow(),
        };
        db.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("firm-claimed", "firm_claims", claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "pending", $"enterprise {enterpriseId}", cancellationToken);
        if (byDomain)
        {
            claim.ByMailDomain = true;
            return await admission.DecideAsync(claim, approve: true, null, "邮箱域名自动通过 / admitted by e-mail domain", null, cancellationToken);
        }

        if (claim.ToOwner)
        {
            await notifier.TellPeopleAsync([.. members.Where(m => m.IsOwner).Select(m => m.UserId)], new Notice(
                $"claim:{claim.Id}", NoticeKind.Claim, $"{person.Name} 申请成为{firm.Name}的成员", $"{person.Name} asks to join {firm.Name}", "/me/firm",
                "您是该企业的所有者，可以通过或驳回 / you own the firm's account and may approve or reject"), cancellationToken);
        }

        return ClaimView.Of(claim);
    }
}
