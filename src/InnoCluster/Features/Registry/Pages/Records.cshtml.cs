using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>
/// A firm's designations, certifications, standards and filings over time. Everyone reads the confirmed ones;
/// the firm proposes, the office enters, confirms, returns and ends — the same use cases as the API.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class RecordsModel(ListEnterpriseRecords list, AddEnterpriseRecord add, DecideEnterpriseRecord decide) : UseCasePageModel
{
    public ListEnterpriseRecords.Sheet Sheet { get; private set; } = null!;

    /// <summary>The form last posted, kept open with its errors.</summary>
    public RecordKind? Posted { get; private set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => AfterAsync(id, null, null, cancellationToken);

    public Task<IActionResult> OnPostDesignationAsync(int id, DesignationRequest request, CancellationToken cancellationToken) =>
        AddAsync(id, RecordKind.Designations, add.RunAsync(User, id, request, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCertificationAsync(int id, CertificationRequest request, CancellationToken cancellationToken) =>
        AddAsync(id, RecordKind.Certifications, add.RunAsync(User, id, request, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostStandardAsync(int id, StandardRequest request, CancellationToken cancellationToken) =>
        AddAsync(id, RecordKind.Standards, add.RunAsync(User, id, request, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostFilingAsync(int id, FilingRequest request, CancellationToken cancellationToken) =>
        AddAsync(id, RecordKind.Filings, add.RunAsync(User, id, request, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostFinancingAsync(int id, FinancingRequest request, CancellationToken cancellationToken) =>
        AddAsync(id, RecordKind.Financing, add.RunAsync(User, id, request, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDecideAsync(int id, RecordKind kind, int recordId, DecideEnterpriseRecord.Decision decision, string? reason, DateOnly? endedOn, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Official))
        {
            return Forbid();
        }

        var decided = await decide.RunAsync(User, id, kind, recordId, decision, new(reason, endedOn), cancellationToken);
        return await AfterAsync(id, decided.Problem, decision switch
        {
            DecideEnterpriseRecord.Decision.Confirm => Ui.L("已确认，计入统计。", "Confirmed; it now counts."),
            DecideEnterpriseRecord.Decision.Reject => Ui.L("已退回，企业可见退回理由。", "Returned; the firm sees the reason."),
            _ => Ui.L("已记录终止。", "Its end is recorded."),
        }, cancellationToken);
    }

    private async Task<IActionResult> AddAsync(int id, RecordKind kind, Task<Infrastructure.UseCases.Result<RecordView>> adding, CancellationToken cancellationToken)
    {
        var added = await adding;
        Posted = added.Succeeded ? null : kind;
        var done = added.Value?.Standing == RecordStanding.Proposed
            ? Ui.L("已提交，待集群办确认后计入。", "Proposed; it counts once the office confirms it.")
            : Ui.L("已登记。", "Recorded.");
        return await AfterAsync(id, added.Problem, done, cancellationToken);
    }

    protected override async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, bool keepInput = false)
    {
        if (await list.RunAsync(User, id, null, cancellationToken) is not { } sheet)
        {
            return false;
        }

        if (!keepInput)
        {
            ModelState.Clear();
        }

        Sheet = sheet;
        return true;
    }
}
