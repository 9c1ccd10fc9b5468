using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InnoCluster.Tests.Infrastructure;

public static class HttpJson
{
    public static readonly JsonSerializerOptions Options = JsonSerializerOptions.Web;

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {url}: expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>The answer's JSON (an empty object for an empty body), after checking its status.</summary>
    public static async Task<JsonNode> AnsweredAsync(this Task<HttpResponseMessage> sending, System.Net.HttpStatusCode expected)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "null" : body) ?? new JsonObject();
    }

    public static async Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        await client.PostAsJsonAsync(url, body, Options, TestContext.Current.CancellationToken);
}
