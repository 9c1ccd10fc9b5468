using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>A system administrator enters a year's holiday notice as published: read day by day, refused with the sentence it cannot read.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class NewHolidayNoticeModel(PublishHolidayNotice publish) : PageModel
{
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public sealed class Form
    {
        public int? Year { get; set; }

        public string? Title { get; set; }

        public string? Issuer { get; set; } = "国务院办公厅";

        public DateOnly? IssuedOn { get; set; }

        public string? Url { get; set; }

        public string? Published { get; set; }

        public string? Text { get; set; }
    }

    public void OnGet(int? year) => Input.Year = year;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var published = await publish.RunAsync(new PublishHolidayNotice.Request(Input.Year, Input.Title, Input.Issuer, Input.IssuedOn, Input.Url, Input.Published, Input.Text), User, cancellationToken);
        if (published.Problem is { } problem)
        {
            if (problem.AsPageResult(this) is { } result)
            {
                return result;
            }

            (Problem, Errors) = (problem.Text, problem.AsFieldErrors());
            return Page();
        }

        var outcome = published.Value!;
        Notice = Ui.L(
            $"已录入{outcome.Year}年放假安排：放假{outcome.Holidays}天，调休上班{outcome.WorkingDays}天；保留管理员更正{outcome.CorrectionsKept}天；重算{outcome.RequestsRecounted}件在办诉求的期限。",
            $"The {outcome.Year} notice is in: {outcome.Holidays} holidays, {outcome.WorkingDays} weekend days worked; {outcome.CorrectionsKept} administrator's corrections kept; deadlines of {outcome.RequestsRecounted} open requests counted again.");
        return Redirect($"/calendar?year={outcome.Year}");
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
