using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Documents;

/// <summary>
/// Word 97-2003 (.doc) and WPS (.wps) files read through headless LibreOffice, which the test script installs
/// (libreoffice-writer-nogui): the fixture was written by LibreOffice from notice-word97.html (make-pdfs.sh).
/// </summary>
public class LegacyWordTests
{
    private static byte[] Notice => File.ReadAllBytes(TestPaths.Fixture("documents/notice-word97.doc"));

    [Fact]
    public void Read_Word97File_GivesItsParagraphsInOrder()
    {
        Assert.True(LegacyWordConverter.Available, "LibreOffice (soffice) must be installed: scripts/prerequisites.sh --test");
        var extracted = DocumentReader.Read("关于组织申报示范项目的通知.doc", Notice);
        Assert.Equal("doc", extracted.Format);
        var text = extracted.Text;
        string[] inOrder = ["关于组织申报人工智能创新应用示范项目的通知", "一、申报条件", "近三年无不良信用记录", "二、支持方式", "最高200万元", "2024年3月15日"];
        var positions = inOrder.Select(p => text.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(inOrder), p => Assert.True(p.First >= 0, $"“{p.Second}” is missing from: {text}"));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Read_SameFileNamedWps_IsReadAsWpsText()
    {
        var extracted = DocumentReader.Read("通知.wps", Notice);
        Assert.Equal("wps", extracted.Format);
        Assert.Contains("申报条件", extracted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DamagedWord97File_IsRefusedNamingTheFile()
    {
        byte[] damaged = [.. Notice.Take(1024), .. new byte[2048]];
        var error = Assert.Throws<DocumentRejectedException>(() => DocumentReader.Read("损坏的通知.doc", damaged));
        Assert.StartsWith("损坏的通知.doc:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Word97ContentUnderAnotherName_IsRefused()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => DocumentReader.Read("通知.pdf", Notice));
        Assert.Contains("Word 97-2003", error.Message, StringComparison.Ordinal);
    }
}
