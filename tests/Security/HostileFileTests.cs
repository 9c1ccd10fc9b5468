using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.SecurityTests;

/// <summary>
/// Files built to hurt the readers (issue 22): each is refused with the limit it hit, nothing is stored,
/// and the server keeps answering. And files that only look odd are read as what they are.
/// </summary>
public abstract class HostileFileTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected HostileFileTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> OfficialAsync() => await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));

    private static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "file", name);
        }

        return form;
    }

    private static async Task<JsonObject> UploadOneAsync(HttpClient client, string name, byte[] bytes)
    {
        using var response = await client.PostAsync("/api/documents", Files((name, bytes)), Ct);
        var results = await response.Content.ReadFromJsonAsync<JsonArray>(Ct);
        return results!.Single()!.AsObject();
    }

    private async Task AssertStillServingAsync()
    {
        using var health = await app.CreateClient().GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(20_000)]
    public async Task DeeplyNestedHtml_IsRefusedWithTheDepth_AndTheServerKeepsServing(int depth)
    {
        var client = await OfficialAsync();
        var result = await UploadOneAsync(client, $"nested-{depth}.html", HostileFiles.NestedDivs(depth));
        Assert.Equal("Rejected", result["outcome"]!.GetValue<string>());
        Assert.Contains("nests elements more than 256 deep", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task DocxThatUnpacksFarBeyondItsSize_IsRefusedAtTheCap()
    {
        var client = await OfficialAsync();
        var bomb = HostileFiles.DocxBomb(60_000_000);
        Assert.True(bomb.Length < 2_000_000, $"the bomb weighs {bomb.Length} bytes");
        var result = await UploadOneAsync(client, "bomb.docx", bomb);
        Assert.Equal("Rejected", result["outcome"]!.GetValue<string>());
        Assert.True(result["error"]!.GetValue<string>().Contains("unpacks to more than", StringComparison.Ordinal), result["error"]!.GetValue<string>());
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task TextNamedPdf_IsRefused_TheTypeFollowsTheContent()
    {
        var client = await OfficialAsync();
        var result = await UploadOneAsync(client, "fake.pdf", "这不是PDF文件，而是一段普通文本，内容足够长以免被当作空文件。"u8.ToArray());
        Assert.Equal("Rejected", result["outcome"]!.GetValue<string>());
        Assert.Contains("the name says '.pdf'", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlWithEncodedScriptText_KeepsTheParagraphAsWords()
    {
        var client = await OfficialAsync();
        var html = "<html><head><title>代码示例通知</title></head><body><p>第一段：关于网页安全的培训通知，请各单位按时参加。</p>"
            + "<p>&lt;script&gt;alert(1)&lt;/script&gt; 这样的示例代码会被浏览器当作脚本，请勿直接粘贴。</p>"
            + "<p>第三段：培训地点为园区服务中心。</p><script>document.title='x'</script></body></html>";
        var result = await UploadOneAsync(client, $"encoded-script-{Guid.NewGuid():N}.html", Encoding.UTF8.GetBytes(html));
        Assert.Equal("Created", result["outcome"]!.GetValue<string>());
        var document = await client.GetFromJsonAsync<JsonObject>($"/api/documents/{result["documentId"]!.GetValue<int>()}", Ct);
        var text = document!["text"]!.GetValue<string>();
        Assert.Contains("<script>alert(1)</script> 这样的示例代码会被浏览器当作脚本", text, StringComparison.Ordinal);
        Assert.Contains("第三段", text, StringComparison.Ordinal);
        Assert.DoesNotContain("document.title", text, StringComparison.Ordinal);
    }

}

public sealed class SqliteHostileFileTests(TestApp<SqliteTarget> app) : HostileFileTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresHostileFileTests(TestApp<PostgresTarget> app) : HostileFileTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;

/// <summary>Files built to hurt a reader, for the tests and the drills.</summary>
public static class HostileFiles
{
    public static byte[] NestedDivs(int depth)
    {
        var html = new StringBuilder("<!doctype html><html><body><p>深度嵌套的网页文件，用来测试读取器。</p>");
        html.Insert(html.Length, "<div>", depth);
        html.Append("正文");
        html.Insert(html.Length, "</div>", depth);
        return Encoding.UTF8.GetBytes(html.Append("</body></html>").ToString());
    }

    /// <summary>A valid .docx whose main part is <paramref name="characters"/> characters of XML, compressed to little.</summary>
    public static byte[] DocxBomb(long characters)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Entry("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Entry("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            const string paragraph = "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr><w:r><w:rPr><w:b/><w:i/><w:sz w:val=\"24\"/></w:rPr><w:t>集群</w:t></w:r></w:p>";
            for (long written = 0; written < characters; written += paragraph.Length)
            {
                writer.Write(paragraph);
            }

            writer.Write("</w:body></w:document>");
        }

        return buffer.ToArray();
    }
}
