using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Tests.Documents;

/// <summary>The one way a link opens a document at a passage, in a version, with a search's words.</summary>
public sealed class DocumentLinksTests
{
    [Theory]
    [InlineData(null, null, null, null, "/documents/7")]
    [InlineData(120, 180, null, null, "/documents/7?s=120&e=180#s-120")]
    [InlineData(120, null, null, null, "/documents/7?s=120#s-120")]
    [InlineData(null, 180, null, null, "/documents/7")]
    [InlineData(120, 180, "特许经营 合同", null, "/documents/7?q=%E7%89%B9%E8%AE%B8%E7%BB%8F%E8%90%A5%20%E5%90%88%E5%90%8C&s=120&e=180#s-120")]
    [InlineData(null, null, "合同", null, "/documents/7?q=%E5%90%88%E5%90%8C#match-1")]
    [InlineData(120, null, null, 2, "/documents/7?version=2&s=120#s-120")]
    public void At_WritesTheQueryAndTheFragment(int? start, int? end, string? query, int? version, string expected) =>
        Assert.Equal(expected, DocumentLinks.At(7, start, end, query, version));
}
