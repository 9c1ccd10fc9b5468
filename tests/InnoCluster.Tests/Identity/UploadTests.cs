using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Identity;

/// <summary>Uploads as a person makes them, and the ways people try to abuse uploads.</summary>
public sealed class UploadTests(TestApp<SqliteTarget> app) : IClassFixture<TestApp<SqliteTarget>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Form(byte[] bytes, string name) =>
        new() { { new ByteArrayContent(bytes), "file", name }, { new StringContent("attachment"), "purpose" } };

    private static byte[] Pdf => "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private async Task<HttpClient> PersonAsync() => await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));

    [Fact]
    public async Task Upload_Pdf_IsStoredOutsideTheWebRootUnderAGeneratedNameAndServedAsAnAttachment()
    {
        var client = await PersonAsync();
        using var response = await client.PostAsync("/api/me/files", Form(Pdf, "../../etc/方案 <b>说明</b>.pdf"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("方案 b说明/b.pdf".Split('/')[^1], created["fileName"]!.GetValue<string>());
        var id = created["id"]!.GetValue<Guid>();

        var onDisk = Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "uploads"), "*", SearchOption.AllDirectories);
        Assert.Single(onDisk, f => Path.GetFileName(f) == id.ToString("N") + ".bin");
        Assert.DoesNotContain(onDisk, f => f.Contains("wwwroot", StringComparison.Ordinal) || f.Contains("etc", StringComparison.Ordinal));

        using var download = await client.GetAsync($"/api/files/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Upload_HtmlNamedPdf_IsRefusedBecauseTheContentDecides()
    {
        var client = await PersonAsync();
        using var response = await client.PostAsync("/api/me/files", Form("<html><script>alert(1)</script></html>"u8.ToArray(), "report.pdf"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("report.pdf", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PdfNamedDocx_IsRefused()
    {
        var client = await PersonAsync();
        using var response = await client.PostAsync("/api/me/files", Form(Pdf, "letter.docx"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_Is413()
    {
        var client = await PersonAsync();
        var big = new byte[21 * 1024 * 1024];
        Pdf.CopyTo(big, 0);
        using var response = await client.PostAsync("/api/me/files", Form(big, "big.pdf"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Upload_ZipSlipAndZipBombs_AreRefusedBeforeExtraction()
    {
        static byte[] Zip(Action<ZipArchive> fill)
        {
            var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                fill(zip);
            }

            return stream.ToArray();
        }

        var slip = Zip(z =>
        {
            z.CreateEntry("[Content_Types].xml");
            z.CreateEntry("word/document.xml");
            z.CreateEntry("../../evil.sh");
        });
        var many = Zip(z =>
        {
            z.CreateEntry("[Content_Types].xml");
            for (var i = 0; i < 2500; i++)
            {
                z.CreateEntry($"word/part{i}.xml");
            }
        });
        var bomb = Zip(z =>
        {
            z.CreateEntry("[Content_Types].xml");
            var entry = z.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var s = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 220; i++)
            {
                s.Write(zeros);
            }
        });
        var plainZip = Zip(z => z.CreateEntry("readme.txt"));

        var client = await PersonAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en"); // the refusals read in English
        foreach (var (bytes, name, expect) in new[] { (slip, "a.docx", "unsafe path"), (many, "b.docx", "too many entries"), (bomb, "c.docx", "unpacks"), (plainZip, "d.docx", "not an Office") })
        {
            using var response = await client.PostAsync("/api/me/files", Form(bytes, name), Ct);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Contains(expect, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Upload_BeyondThePersonalQuota_IsRefused()
    {
        var client = await PersonAsync();
        var chunk = new byte[19 * 1024 * 1024];
        Pdf.CopyTo(chunk, 0);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.PostAsync("/api/me/files", Form(chunk, $"part{i}.pdf"), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Created)); // 10 × 19 MB fit in 200 MB
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, statuses[^1]);
    }

    [Fact]
    public async Task Download_OfAnotherPersonsFile_IsNotFound()
    {
        var owner = await PersonAsync();
        using var response = await owner.PostAsync("/api/me/files", Form(Pdf, "mine.pdf"), Ct);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<Guid>();
        var stranger = await PersonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/files/{id}", Ct)).StatusCode);
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync($"/api/files/{id}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("..\\..\\windows\\system32\\x.pdf", "x.pdf")]
    [InlineData("a\0b.pdf", "ab.pdf")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("...", "file")]
    public void CleanName_RemovesPathsAndControlCharacters(string input, string expected) =>
        Assert.Equal(expected, UploadStore.CleanName(input));
}
