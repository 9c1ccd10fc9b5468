using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calls.Pages;

/// <summary>The office writes a new call as a draft (<see cref="CreateCall"/>); it is published from its page.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class NewCallModel(CreateCall create, IRegistryDirectory registry) : PageModel
{
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public sealed class Form
    {
        public string? Title { get; set; }

        public CallKind Kind { get; set; } = CallKind.Selection;

        public CallProgramme Programme { get; set; } = CallProgramme.DemonstrationProject;

        public string? Level { get; set; } = "市";

        public int? Year { get; set; }

        public int? Batch { get; set; }

        public string? Summary { get; set; }

        public string? ResponsibleUnit { get; set; }

        public string? Conditions { get; set; }

        public string? Fields { get; set; }

        public string? Attachments { get; set; }

        public string? Rubric { get; set; }

        public DateTime? OpensAt { get; set; }

        public DateTime? ClosesAt { get; set; }

        public DateTime? ReviewBy { get; set; }

        public int PublicityDays { get; set; } = 7;

        public int? TotalQuota { get; set; }

        public int ExpertsPerApplication { get; set; } = 5;

        public decimal DivergenceThreshold { get; set; } = 20;

        public bool NeedsDistrictRecommendation { get; set; }

        public Dictionary<int, int?> Quotas { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Districts = await registry.DistrictsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Districts = await registry.DistrictsAsync(cancellationToken);
        var (rubric, rubricErrors) = CallFormText.Rubric(Input.Rubric);
        if (rubricErrors.Count > 0)
        {
            (Problem, Errors) = (Infrastructure.UseCases.Problem.Fields(rubricErrors).Text, [.. rubricErrors.Select(e => e with { Message = Bilingual.ForReader(e.Message) })]);
            return Page();
        }

        static string? Local(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var input = new CallInput(
            Input.Title, Input.Kind, Input.Programme, string.IsNullOrWhiteSpace(Input.Level) ? null : Input.Level, Input.Year, Input.Batch, Input.Summary, Input.ResponsibleUnit,
            CallFormText.Conditions(Input.Conditions), CallFormText.Fields(Input.Fields), CallFormText.Attachments(Input.Attachments), rubric,
            Local(Input.OpensAt), Local(Input.ClosesAt), Local(Input.ReviewBy), Input.PublicityDays, Input.TotalQuota, Input.NeedsDistrictRecommendation,
            [.. Input.Quotas.Where(q => q.Value is not null).Select(q => new DistrictQuota(q.Key, q.Value!.Value))], Input.ExpertsPerApplication, Input.DivergenceThreshold);
        var created = await create.RunAsync(input, CallActor.Of(User), cancellationToken);
        if (created.Problem is { } problem)
        {
            (Problem, Errors) = (problem.Text, problem.AsFieldErrors());
            return Page();
        }

        return Redirect($"/calls/{created.Value!.Id}");
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
