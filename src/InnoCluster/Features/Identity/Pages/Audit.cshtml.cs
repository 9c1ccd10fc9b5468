using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity.Pages;

/// <summary>The audit trail, read-only, for the audit administrator (MLPS 审计管理员); reading it is itself audited.</summary>
[Authorize(Policy = Policies.AuditAdmin)]
public sealed class AuditModel(InnoClusterDbContext db, AuditTrail trail, AuditChain chain) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public AuditChain.Verification Verification { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => e.Action == Action);
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(e => e.ActorName == Actor);
        }

        Entries = await query.OrderByDescending(e => e.Sequence).Take(200).ToListAsync(cancellationToken);
        Verification = await chain.VerifyAsync(db, cancellationToken);
        await trail.RecordAsync("audit-read", "audit_entries", null, "ok", $"action={Action};actor={Actor}", cancellationToken);
    }
}
