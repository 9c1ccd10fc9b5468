using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Infrastructure.Jobs;

/// <summary>The answer to a request that queued a job: where to follow it (API and page).</summary>
public sealed record JobReference(long Id, string Status, string Page)
{
    public static Accepted<JobReference> Accepted(long id) =>
        TypedResults.Accepted($"/api/jobs/{id}", new JobReference(id, $"/api/jobs/{id}", $"/jobs/{id}"));

    /// <summary>The client asked to be answered at once and follow the work as a job (RFC 7240 "Prefer: respond-async").</summary>
    public static bool Requested(HttpRequest request) =>
        request.Headers.TryGetValue("Prefer", out var prefer)
        && prefer.Any(v => v is not null && v.Split(',').Any(p => p.Trim().Equals("respond-async", StringComparison.OrdinalIgnoreCase)));
}

public static class JobInputs
{
    /// <summary>Uploaded files read into memory, to be kept with the job.</summary>
    public static async Task<IReadOnlyList<JobInput>> ReadAsync(IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        var inputs = new List<JobInput>();
        foreach (var file in files)
        {
            inputs.Add(await ReadAsync(file, cancellationToken));
        }

        return inputs;
    }

    public static async Task<JobInput> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return new JobInput(file.FileName, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, buffer.ToArray());
    }
}
