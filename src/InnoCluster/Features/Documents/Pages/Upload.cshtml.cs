using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Documents.Pages;

/// <summary>Officials add policies, replies and news from files: the batch runs as a job, each file reported on its own.</summary>
[Authorize(Policy = Policies.Official)]
[BodyLimit(BodyKind.Documents)]
public sealed class UploadModel(JobQueue queue) : PageModel
{
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (files is null || files.Count == 0)
        {
            Problem = Ui.L("请选择要上传的文件", "Choose at least one file to upload");
            return Page();
        }

        var id = await DocumentBatchJob.EnqueueAsync(queue, await JobInputs.ReadAsync(files, cancellationToken), cancellationToken);
        return Redirect($"/jobs/{id}");
    }

    public static string OutcomeText(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Created => Ui.L("已入库", "Added"),
        IngestOutcome.NewVersion => Ui.L("新版本", "New version"),
        IngestOutcome.Unchanged => Ui.L("已存在，未变化", "Already in the library"),
        _ => Ui.L("未入库", "Rejected"),
    };
}
