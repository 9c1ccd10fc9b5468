using System.Net;
using System.Net.Http.Json;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InnoCluster.SecurityTests;

/// <summary>
/// Request bodies are limited before they are read (issue 22): a 250 MB post to a public page is cut off
/// after a few kilobytes, not spooled to temp files; signed-in requests are small unless the endpoint takes files.
/// </summary>
public abstract class RequestLimitTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected RequestLimitTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous250MegabytePost_ToAPublicPage_Is413_AfterReadingLittle()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var body = new EndlessContent(250L * 1024 * 1024);
        using var form = new MultipartFormDataContent { { body, "file", "huge.bin" } };
        using var response = await client.PostAsync("/", form, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(body.Served < 4 * 1024 * 1024, $"the server pulled {body.Served:N0} bytes before refusing");
    }

    [Fact]
    public async Task AnnouncedTooLarge_IsRefusedUnread()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var content = new ByteArrayContent(new byte[200 * 1024]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await client.PostAsync("/account/sign-in", content, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("64 KB", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedIn_JsonIsSmall_ButAnUploadEndpointTakesAFile()
    {
        var owner = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        using var json = await owner.PostAsJsonAsync("/api/scenarios", new { title = "超长需求", description = new string('需', 2 * 1024 * 1024) }, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, json.StatusCode);

        var pdf = new byte[5 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "large.pdf" } };
        using var upload = await owner.PostAsync("/api/me/files", form, Ct);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
    }

    /// <summary>A body of <paramref name="length"/> bytes made as it is read, counting what the server pulled.</summary>
    private sealed class EndlessContent(long length) : HttpContent
    {
        public long Served { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            while (Served < length)
            {
                await stream.WriteAsync(chunk);
                Served += chunk.Length;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

public sealed class SqliteRequestLimitTests(TestApp<SqliteTarget> app) : RequestLimitTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresRequestLimitTests(TestApp<PostgresTarget> app) : RequestLimitTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
