using System.Diagnostics;
using System.Text.Json.Nodes;

namespace InnoCluster.Tests.Infrastructure;

/// <summary>Follows a background job through the API, as a client that was answered 202 does.</summary>
public static class Jobs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Polls the job (its /api/jobs/{id} address) until it has succeeded or failed; returns it.</summary>
    public static async Task<JsonNode> WaitAsync(HttpClient client, string location, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var job = JsonNode.Parse(await client.GetStringAsync(location, Ct))!;
            if (job["state"]!.GetValue<string>() is "Succeeded" or "Failed")
            {
                return job;
            }

            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"job {location} still {job["state"]} after {limit}: {job.ToJsonString()}");
            }

            await Task.Delay(200, Ct);
        }
    }

    /// <summary>The job a page form queued: the page answers with a redirect to /jobs/{id}.</summary>
    public static string ApiAddressOf(HttpResponseMessage redirect)
    {
        var page = redirect.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"no redirect: {(int)redirect.StatusCode}");
        Assert.StartsWith("/jobs/", page, StringComparison.Ordinal);
        return "/api" + page;
    }
}
