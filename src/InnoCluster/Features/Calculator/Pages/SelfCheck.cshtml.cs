using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCluster.Features.Calculator.Pages;

/// <summary>The public self-check: a credit code in, the clauses the firm's public record fits out.</summary>
[Authorize(Policy = Policies.Public)]
[EnableRateLimiting(RateLimits.Search)]
public sealed class SelfCheckModel(SelfCheck check) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? CreditCode { get; set; }

    public SelfCheck.Answer? Answer { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(CreditCode))
        {
            return;
        }

        var result = await check.RunAsync(CreditCode, cancellationToken);
        Answer = result.Value;
        Problem = result.Problem is { } problem ? Bilingual.ForReader(problem.Message) : null;
    }
}
