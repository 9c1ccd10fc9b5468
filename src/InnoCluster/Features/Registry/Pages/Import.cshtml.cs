using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>The import form: the file is queued as a background job and the person follows it on the job's page.</summary>
[Authorize(Policy = Policies.Official)]
[BodyLimit(BodyKind.Import)]
public sealed class ImportModel(JobQueue queue, ImportMappings mappings) : PageModel
{
    public IReadOnlyList<ImportMappings.MappingDto> Mappings { get; private set; } = [];

    public string? Mapping { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Mappings = await mappings.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mapping, string? mode, CancellationToken cancellationToken)
    {
        Mappings = await mappings.ListAsync(cancellationToken);
        Mapping = string.IsNullOrWhiteSpace(mapping) ? null : mapping;
        if (file is null || file.Length == 0)
        {
            Problem = Ui.L("请选择要上传的文件", "Choose a file to upload");
            return Page();
        }

        var id = await EnterpriseImportJob.EnqueueAsync(queue, file, Mapping, dryRun: mode != "apply", cancellationToken);
        return Redirect($"/jobs/{id}");
    }

    /// <summary>After a clean dry run: the same file, imported for real, without uploading it again.</summary>
    public async Task<IActionResult> OnPostApplyAsync(long job, string? mapping, CancellationToken cancellationToken) =>
        await queue.EnqueueAgainAsync(job, EnterpriseImportJob.KindName, new EnterpriseImportJob.Parameters(string.IsNullOrWhiteSpace(mapping) ? null : mapping, DryRun: false), cancellationToken) is { } id
            ? Redirect($"/jobs/{id}")
            : NotFound();
}
