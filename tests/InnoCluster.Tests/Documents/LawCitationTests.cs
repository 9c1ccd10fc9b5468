using InnoCluster.Features.Documents;

namespace InnoCluster.Tests.Documents;

public class LawCitationTests
{
    [Theory]
    [InlineData("中华人民共和国民法典 婚姻家庭编", "民法典")]
    [InlineData("中华人民共和国民法典 总则", "民法典")]
    [InlineData("中华人民共和国民法典 附则", "民法典")]
    [InlineData("中华人民共和国劳动合同法", "劳动合同法")]
    [InlineData("中华人民共和国刑法修正案（十一）", "刑法修正案(十一)")]
    [InlineData("深圳经济特区人工智能产业促进条例", "深圳经济特区人工智能产业促进条例")]
    [InlineData("苏州市 推进人工智能产业创新集群发展", "苏州市 推进人工智能产业创新集群发展")] // a space, but no code's book after it
    [InlineData("中华人民共和国", "中华人民共和国")]
    public void NameOf_DropsTheCountryAndACodesBook(string title, string name) => Assert.Equal(name, LawCitation.NameOf(title));

    [Theory]
    [InlineData("民法典第一千零六十二条", "民法典", 1062)]
    [InlineData("民法典第1062条", "民法典", 1062)]
    [InlineData("劳动合同法 第十九条 试用期", "劳动合同法", 19)]
    [InlineData("《商标法》 先用权", "商标法", null)]
    [InlineData("商标法 先用权", "商标法", null)]
    [InlineData("中华人民共和国个人信息保护法第十三条", "个人信息保护法", 13)]
    [InlineData("專利法實施細則第十條", "专利法实施细则", 10)] // traditional script
    [InlineData("依照劳动法规定加班工资怎么算", "劳动法", null)]
    public void Read_FindsTheNamedLawAndArticle(string query, string name, int? article)
    {
        var citation = LawCitation.Read(query);
        Assert.Contains(name, citation.Names);
        Assert.Equal(article, citation.Article);
    }

    [Theory]
    [InlineData("法律援助怎么申请")] // 法律 is not a name ending in 法
    [InlineData("去法院起诉要多久")]
    [InlineData("人工智能 算力")]
    [InlineData("第十九条")] // an article alone names no law
    [InlineData("")]
    public void Read_NamesNoLaw_WhenNoWordEndsAsALawsName(string query) => Assert.True(LawCitation.Read(query).IsEmpty);

    [Theory]
    [InlineData("第十九条", 19)]
    [InlineData("第一千零六十二条", 1062)]
    [InlineData("第19条", 19)]
    [InlineData("第一章", null)]
    [InlineData("1.", null)]
    [InlineData("第十九条之一", null)]
    [InlineData(null, null)]
    public void ArticleNumberOf_ReadsOnlyAnArticlesHeading(string? label, int? number) => Assert.Equal(number, LawCitation.ArticleNumberOf(label));

    [Fact]
    public void ArticleLabelOf_IsHowLawsHeadTheirArticles() => Assert.Equal("第一千零六十二条", LawCitation.ArticleLabelOf(1062));
}
