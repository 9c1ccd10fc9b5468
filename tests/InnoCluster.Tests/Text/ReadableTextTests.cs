using InnoCluster.Text;

namespace InnoCluster.Tests.Text;

public sealed class ReadableTextTests
{
    [Fact]
    public void Shown_IsSimplifiedWithoutConversionArtefacts_LettersKeepTheirCase() =>
        Assert.Equal("今天已成长为国内领先的AI服务商", ReadableText.Shown("今天已成長為國內(nèi)領(lǐng)先的AI服務(wù)商"));

    [Theory]
    [InlineData("7.遂选应用示范项目。", "7.遂选[原文如此，疑为“遴选”]应用示范项目。")]
    [InlineData("(二)核心技术攻关哭破行动", "(二)核心技术攻关哭破[原文如此，疑为“突破”]行动")]
    [InlineData("5.探索构建元字宙安全保障体系。", "5.探索构建元字宙[原文如此，疑为“元宇宙”]安全保障体系。")]
    public void Shown_KeepsAMisreadingAsWrittenAndMarksIt(string written, string shown) => Assert.Equal(shown, ReadableText.Shown(written));

    [Fact]
    public void DiffersFromWritten_OnlyWhenThePageWouldShowSomethingElse()
    {
        Assert.False(ReadableText.DiffersFromWritten("苏州市人工智能产业实现营收超2300亿元"));
        Assert.True(ReadableText.DiffersFromWritten("蘇州市人工智能產業"));
    }
}
