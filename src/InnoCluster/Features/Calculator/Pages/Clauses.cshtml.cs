using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calculator.Pages;

/// <summary>The clause list; officials also see proposals and extract clauses from a document.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class ClausesModel(ClauseQueries queries, ProposeClauses propose) : PageModel
{
    public IReadOnlyList<ClauseQueries.ClauseDto> Clauses { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? DocumentId { get; set; }

    public bool IsOfficial => User.IsInRole(Roles.Official);

    /// <summary>Clauses waiting for confirmation, counted for the empty list's explanation.</summary>
    public int Proposed { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || DocumentId is not null || !string.IsNullOrWhiteSpace(Status);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Clauses = await queries.ListAsync(Q, DocumentId, Status, IsOfficial, cancellationToken);
        Proposed = Clauses.Count == 0 && !Filtered ? await queries.ProposedCountAsync(cancellationToken) : 0;
    }

    /// <summary>"提取条款" on a document page: proposals from its text, then this list filtered to it.</summary>
    public async Task<IActionResult> OnPostProposeAsync(int documentId, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        return await propose.RunAsync(documentId, User.Identity?.Name ?? "official", cancellationToken) is null
            ? NotFound()
            : Redirect($"/clauses?documentId={documentId}&status=Proposed");
    }

    public static string StatusText(ClauseStatus status) => status switch
    {
        ClauseStatus.Proposed => Ui.L("待确认", "Proposed"),
        ClauseStatus.Confirmed => Ui.L("已确认", "Confirmed"),
        _ => Ui.L("已停止", "Withdrawn"),
    };
}
