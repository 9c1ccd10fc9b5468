using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Documents.Pages;

/// <summary>Officials add policies, replies and news from files; each file is reported on its own.</summary>
[Authorize(Policy = Policies.Official)]
[BodyLimit(BodyKind.Documents)]
public sealed class UploadModel(DocumentIngestion ingestion) : PageModel
{
    public IReadOnlyList<IngestResult> Results { get; private set; } = [];

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (files is null || files.Count == 0)
        {
            Problem = Ui.L("请选择要上传的文件", "Choose at least one file to upload");
            return;
        }

        var results = new List<IngestResult>();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            results.Add(await ingestion.IngestAsync(file.FileName, buffer.ToArray(), null, cancellationToken));
        }

        Results = results;
    }

    public static string OutcomeText(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Created => Ui.L("已入库", "Added"),
        IngestOutcome.NewVersion => Ui.L("新版本", "New version"),
        IngestOutcome.Unchanged => Ui.L("已存在，未变化", "Already in the library"),
        _ => Ui.L("未入库", "Rejected"),
    };
}
