using InnoCluster.Infrastructure.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Infrastructure.Web;

/// <summary>
/// A page about one object whose forms run use cases: after a step it shows what was done, or the problem
/// (with each field's error beside its field and the person's input kept); "not found" and "not allowed" end
/// the request as 404 and 403, as the API answers them.
/// </summary>
public abstract class UseCasePageModel : PageModel
{
    public string? Message { get; protected set; }

    public string? Problem { get; protected set; }

    public IReadOnlyList<FieldError> Errors { get; protected set; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase))?.Message;

    /// <summary>Reads the object (and, unless <paramref name="keepInput"/>, resets the forms to it); false when it is not there for this person.</summary>
    protected abstract Task<bool> LoadAsync(int id, CancellationToken cancellationToken, bool keepInput = false);

    /// <summary>The page after a step: its problem shown, or <paramref name="done"/> said and the object read again.</summary>
    protected async Task<IActionResult> AfterAsync(int id, Problem? problem, string? done, CancellationToken cancellationToken)
    {
        if (problem is not null)
        {
            return await ShowAsync(id, problem, cancellationToken);
        }

        Message ??= done;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    protected async Task<IActionResult> ShowAsync(int id, Problem problem, CancellationToken cancellationToken)
    {
        if (problem.AsPageResult(this) is { } refused)
        {
            return refused;
        }

        (Problem, Errors) = (problem.Text, problem.AsFieldErrors());
        return await LoadAsync(id, cancellationToken, keepInput: true) ? Page() : NotFound();
    }
}
