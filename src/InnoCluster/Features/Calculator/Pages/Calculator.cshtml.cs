using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calculator.Pages;

/// <summary>An enterprise's policy calculator: its own (Enterprise account) or any (Official).</summary>
[Authorize(Policy = Policies.EnterpriseOrOfficial)]
public sealed class CalculatorModel(PolicyCalculator calculator, UpdateEnterpriseFacts facts, ListFactChanges changes, ListDistricts districts) : PageModel
{
    /// <summary>The firm's changes to its facts, the latest first: a firm's own wait for the office before they count.</summary>
    public IReadOnlyList<FactChangeView> Changes { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public PolicyCalculator.Result Result { get; private set; } = default!;

    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Problems { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty(SupportsGet = true)]
    public DateOnly? AsOf { get; set; }

    /// <summary>The missing-data form: amounts in 万元 as offices write them.</summary>
    public sealed class FactsForm
    {
        public int? Year { get; set; }

        public decimal? Revenue { get; set; }

        public decimal? RdSpend { get; set; }

        public int? Employees { get; set; }

        public int? PatentsGranted { get; set; }

        public int? PatentsValid { get; set; }

        public DateOnly? EstablishedOn { get; set; }

        public string? District { get; set; }
    }

    [BindProperty]
    public FactsForm Facts { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!UpdateEnterpriseProfile.MayEdit(User, id))
        {
            return await calculator.EnterpriseExistsAsync(id, cancellationToken) ? Forbid() : NotFound();
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!UpdateEnterpriseProfile.MayEdit(User, id))
        {
            return Forbid();
        }

        var request = new UpdateEnterpriseFacts.Request(Facts.Year, Facts.Revenue * 10_000m, Facts.RdSpend * 10_000m, Facts.Employees, Facts.EstablishedOn, Facts.District, null, Facts.PatentsGranted, Facts.PatentsValid);
        var updated = await facts.RunAsync(User, id, request, cancellationToken);
        if (updated.Problem is not { } problem)
        {
            if (!updated.Value!.Counts)
            {
                Notice = Ui.L("已提交，集群办确认后计入计算。", "Filed: it counts once the cluster office confirms it.");
                return Redirect($"/enterprises/{id}/calculator#facts");
            }

            return Redirect($"/enterprises/{id}/calculator#results");
        }

        if (problem.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        Problems = problem.ByField;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await calculator.RunAsync(id, AsOf, cancellationToken) is not { } result)
        {
            return false;
        }

        Result = result;
        Districts = await districts.RunAsync(cancellationToken);
        Changes = await changes.ForFirmAsync(User, id, cancellationToken) ?? [];
        Facts.Year ??= result.FiguresYear ?? calculator.Today.Year - 1;
        return true;
    }

    /// <summary>Fields the possibly-eligible clauses are waiting for, most wanted first.</summary>
    public IReadOnlyList<string> MissingFields => [.. Result.PossiblyEligible.SelectMany(c => c.MissingFields).GroupBy(f => f).OrderByDescending(g => g.Count()).Select(g => g.Key)];

    public static string Verdict(Eligibility eligibility) => eligibility switch
    {
        Eligibility.Eligible => Ui.L("符合", "Eligible"),
        Eligibility.PossiblyEligible => Ui.L("可能符合（缺数据）", "Possibly eligible (missing data)"),
        _ => Ui.L("不符合", "Not eligible"),
    };

    public static string ChangeStatus(RecordStatus status) => status switch
    {
        RecordStatus.Proposed => Ui.L("待集群办确认", "Waiting for the office"),
        RecordStatus.Confirmed => Ui.L("已确认，已计入", "Confirmed, counted"),
        _ => Ui.L("未确认", "Not confirmed"),
    };

    public static string TruthMark(Truth truth) => truth switch
    {
        Truth.True => "✓",
        Truth.False => "✗",
        _ => "?",
    };
}
