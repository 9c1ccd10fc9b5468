using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calculator.Pages;

/// <summary>One clause: its terms and source; for officials the editor and who qualifies.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class ClauseModel(ClauseQueries queries, UpdateClause update, ClauseCandidates candidates, IRegistryDirectory registry, Workspace.NoticeLedger ledger) : PageModel
{
    public ClauseQueries.ClauseDto Clause { get; private set; } = default!;

    public ClauseCandidates.Result? Candidates { get; private set; }

    /// <summary>For the office: the firms told about this clause (政策找企业, 免申即享), with when, and their names.</summary>
    public IReadOnlyList<(Workspace.NoticeLedger.ToldFirm Firm, string Name)> Told { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Problems { get; private set; } = new Dictionary<string, string[]>();

    public bool IsOfficial => User.IsInRole(Roles.Official);

    /// <summary>The members a set condition can name (tiers, districts, chain nodes), for the editor's lists.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<(string Value, string Label)> Options)> MemberOptions { get; private set; } = [];

    /// <summary>One support item row of the editor; a row left blank is dropped.</summary>
    public sealed class ItemForm
    {
        public string? Method { get; set; }

        public string? Label { get; set; }

        public string? Beneficiary { get; set; }

        public decimal? Amount { get; set; }

        public decimal? Cap { get; set; }

        public decimal? Minimum { get; set; }

        public decimal? RatePercent { get; set; }

        public string? RateBase { get; set; }

        public string? AmountText { get; set; }

        public SupportItemInput ToInput() => new(string.IsNullOrWhiteSpace(Method) ? null : Method, Amount, Cap, Minimum, RatePercent, RateBase, AmountText, false, Label, Beneficiary);
    }

    /// <summary>The editor's form; amounts in 元, conditions as rows picked from lists.</summary>
    public sealed class EditForm
    {
        public string? Title { get; set; }

        public string? Beneficiary { get; set; }

        /// <summary>The clause's support items, then one blank row for adding another.</summary>
        public List<ItemForm> Items { get; set; } = [];

        /// <summary>The clause's conditions, then one blank row for adding another.</summary>
        public List<ConditionRow> Conditions { get; set; } = [];

        public DateOnly? ValidFrom { get; set; }

        public DateOnly? ValidTo { get; set; }

        public string? ResponsibleUnit { get; set; }

        public string? HowToApply { get; set; }

        public bool NoApplication { get; set; }

        public string? Status { get; set; }
    }

    [BindProperty]
    public EditForm Edit { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        var rows = Edit.Conditions.Where(r => !r.IsBlank).ToList();
        var rowProblems = rows.Select((row, i) => (Index: i, Problem: row.Problem())).Where(x => x.Problem is not null)
            .ToDictionary(x => $"conditions[{x.Index}]", x => new[] { Ui.L($"第{x.Index + 1}条条件：", $"Condition {x.Index + 1}: ") + x.Problem });
        if (rowProblems.Count > 0)
        {
            Problems = rowProblems;
            return await LoadAsync(id, cancellationToken, keepForm: true) ? Page() : NotFound();
        }

        var conditions = rows.Select(r => r.ToInput()).ToList();
        // A row with only a method chosen (the blank row's select) adds nothing.
        var items = Edit.Items.Select(i => i.ToInput()).Where(i => !(i with { Method = null, Undetermined = null }).IsBlank).ToList();
        var input = new ClauseInput(
            Edit.Title, Edit.Beneficiary ?? "", null, null, null, null, null, null, null, null,
            conditions, Edit.ValidFrom, Edit.ValidTo, Edit.HowToApply, Edit.ResponsibleUnit, Edit.Status, null, null, items, Edit.NoApplication);
        var saved = await update.RunAsync(id, input, User, cancellationToken);
        if (saved.Problem is not { } problem)
        {
            return Redirect($"/clauses/{id}");
        }

        if (problem.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        Problems = problem.ByField;
        return await LoadAsync(id, cancellationToken, keepForm: true) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, bool keepForm = false)
    {
        if (await queries.GetAsync(id, IsOfficial, cancellationToken) is not { } clause)
        {
            return false;
        }

        Clause = clause;
        if (IsOfficial)
        {
            Candidates = await candidates.RunAsync(id, cancellationToken);
            var told = await ledger.FirmsToldAsync($"clause:{id}", cancellationToken);
            var names = await registry.EnterpriseNamesAsync([.. told.Select(t => t.EnterpriseId)], cancellationToken);
            Told = [.. told.Select(t => (t, names.GetValueOrDefault(t.EnterpriseId) ?? ""))];
            MemberOptions = ConditionRow.MemberOptions(await registry.DistrictsAsync(cancellationToken), await registry.ChainNodesAsync(cancellationToken));
            if (!keepForm)
            {
                Edit = new EditForm
                {
                    Title = clause.Title,
                    Beneficiary = clause.Beneficiary,
                    Items = [.. clause.Items.Select(i => new ItemForm
                    {
                        Method = i.Method.ToString(),
                        Label = i.Label,
                        Beneficiary = i.Beneficiary,
                        Amount = i.Amount,
                        Cap = i.Cap,
                        Minimum = i.Minimum,
                        RatePercent = i.RatePercent,
                        RateBase = i.RateBase,
                        AmountText = i.AmountText,
                    })],
                    Conditions = [.. clause.Conditions.Select(ConditionRow.From)],
                    ValidFrom = clause.ValidFrom,
                    ValidTo = clause.ValidTo,
                    ResponsibleUnit = clause.ResponsibleUnit,
                    HowToApply = clause.HowToApply,
                    NoApplication = clause.NoApplication,
                    Status = clause.Status.ToString(),
                };
            }
        }

        return true;
    }
}
