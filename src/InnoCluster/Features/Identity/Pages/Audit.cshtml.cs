using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Identity.Pages;

/// <summary>The audit trail, read-only, for the audit administrator (MLPS 审计管理员); reading it is itself audited.</summary>
[Authorize(Policy = Policies.AuditAdmin)]
public sealed class AuditModel(ReadAuditLog log) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    public IReadOnlyList<ReadAuditLog.AuditRow> Entries { get; private set; } = [];

    public AuditChain.Verification Verification { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entries = await log.ExecuteAsync(new ReadAuditLog.Filter(Action, Actor, Take: 200), cancellationToken);
        Verification = await log.VerifyAsync(cancellationToken);
    }
}
