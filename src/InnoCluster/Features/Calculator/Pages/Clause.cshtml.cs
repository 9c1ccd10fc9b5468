using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calculator.Pages;

/// <summary>One clause: its terms and source; for officials the editor and who qualifies.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class ClauseModel(ClauseQueries queries, UpdateClause update, ClauseCandidates candidates) : PageModel
{
    public ClauseQueries.ClauseDto Clause { get; private set; } = default!;

    public ClauseCandidates.Result? Candidates { get; private set; }

    public IReadOnlyDictionary<string, string[]> Problems { get; private set; } = new Dictionary<string, string[]>();

    public bool IsOfficial => User.IsInRole(Roles.Official);

    /// <summary>The editor's form; amounts in 元, conditions one per line ("营业收入 >= 2000万元").</summary>
    public sealed class EditForm
    {
        public string? Title { get; set; }

        public string? Method { get; set; }

        public decimal? Amount { get; set; }

        public decimal? Cap { get; set; }

        public decimal? Minimum { get; set; }

        public decimal? RatePercent { get; set; }

        public string? RateBase { get; set; }

        public string? AmountText { get; set; }

        public string? Conditions { get; set; }

        public DateOnly? ValidFrom { get; set; }

        public DateOnly? ValidTo { get; set; }

        public string? ResponsibleUnit { get; set; }

        public string? HowToApply { get; set; }

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

        var lines = (Edit.Conditions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var conditions = lines.Select(ConditionRules.ParseLine)
            .Select(c => new ConditionInput(c.Field, c.Operator, c.Value, c.Text)).ToList();
        var input = new ClauseInput(
            Edit.Title, null, Edit.Method, Edit.Amount, Edit.Cap, Edit.Minimum, Edit.RatePercent, Edit.RateBase, Edit.AmountText ?? "", false,
            conditions, Edit.ValidFrom, Edit.ValidTo, Edit.HowToApply, Edit.ResponsibleUnit, Edit.Status, null, null);
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
            if (!keepForm)
            {
                Edit = new EditForm
                {
                    Title = clause.Title,
                    Method = clause.Method.ToString(),
                    Amount = clause.Amount,
                    Cap = clause.Cap,
                    Minimum = clause.Minimum,
                    RatePercent = clause.RatePercent,
                    RateBase = clause.RateBase,
                    AmountText = clause.AmountText,
                    Conditions = string.Join("\n", clause.Conditions.Select(c => c.Line)),
                    ValidFrom = clause.ValidFrom,
                    ValidTo = clause.ValidTo,
                    ResponsibleUnit = clause.ResponsibleUnit,
                    HowToApply = clause.HowToApply,
                    Status = clause.Status.ToString(),
                };
            }
        }

        return true;
    }
}
