using InnoCluster.Features.Documents;
using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Tests.Infrastructure;
using InnoCluster.Text;

namespace InnoCluster.Tests.Documents;

/// <summary>Reading, cleaning, metadata, outline and facts on the five real source files, without a host.</summary>
public class DocumentPipelineTests
{
    public static TheoryData<string> SeedFiles() => [.. Directory.GetFiles(TestPaths.SeedDocuments).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static (ExtractedText Extracted, string Clean) Load(string prefix)
    {
        var path = Directory.GetFiles(TestPaths.SeedDocuments, prefix + "_*").Single();
        var extracted = DocumentReader.Read(Path.GetFileName(path), File.ReadAllBytes(path));
        return (extracted, WebPageCleaner.Clean(extracted.Text));
    }

    private static DocumentMetadata Metadata(string prefix)
    {
        var (extracted, clean) = Load(prefix);
        return MetadataExtractor.Extract(clean, prefix + ".txt", extracted.Format);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Clean_EverySourceFile_LosesPageChromeButKeepsTheArticle(string file)
    {
        var (extracted, clean) = Load(file[..3]);
        foreach (var chrome in new[] { "相关阅读", "热门文章", "最新文章", "Baidu", "返回顶部", "返回 頂部", "頂部", "(chuàng)", "(chǎn)" })
        {
            Assert.DoesNotContain(chrome, clean, StringComparison.Ordinal);
        }

        Assert.True(clean.Length > extracted.Text.Length / 3, "most of the page is article text, and it is kept");
        Assert.Equal(clean.Trim(), clean.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Clean_NewsWithSpamBanner_DropsTheLineAboveTheTitle()
    {
        var (extracted, clean) = Load("002");
        var firstOriginalLine = extracted.Text.Split('\n').First(l => l.Trim().Length > 0).Trim();
        Assert.True(WebPageCleaner.IsSpamBanner(firstOriginalLine), "the file really starts with the banner");
        Assert.DoesNotContain(firstOriginalLine, clean, StringComparison.Ordinal);
        Assert.StartsWith("江蘇蘇州:孕育新質生產力最強“催化劑”", clean.TrimStart().Replace('：', ':'), StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_BadPinyinConversion_ReadsAsPlainChinese()
    {
        var (extracted, clean) = Load("001");
        Assert.Contains("(chuàng)", extracted.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("(chuàng)", clean, StringComparison.Ordinal);
        Assert.Contains("創新", clean, StringComparison.Ordinal);
        Assert.Contains("產業", clean, StringComparison.Ordinal);
        Assert.Contains("ITBT", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_PolicyPage_ReadsEveryLabelledField()
    {
        var m = Metadata("004");
        Assert.Equal(DocumentKind.Policy, m.Kind);
        Assert.Equal("苏州市人工智能产业创新集群行动计划(2023-2025年)", m.Title);
        Assert.Equal("苏创新集群办〔2022〕12号", m.DocumentNumber);
        Assert.Equal("苏州市推进数字经济时代产业创新集群发展领导小组办公室", m.IssuingBody);
        Assert.Equal("苏州市级", m.LevelText);
        Assert.Equal(DocumentLevel.Municipal, m.Level);
        Assert.Equal(DocumentStatus.Valid, m.Status);
        Assert.Equal(["产业扶持政策", "人工智能产业"], m.Categories);
        Assert.Equal(["其他"], m.SupportMethods);
        Assert.Equal(["新一代信息技术"], m.SupportedIndustries);
        Assert.Equal(2022, m.Year);
    }

    [Fact]
    public void Metadata_DisclosurePage_ReadsIndexDatesIssuerAndStatus()
    {
        var m = Metadata("003");
        Assert.Equal(DocumentKind.Reply, m.Kind);
        Assert.Equal("对区政协二届三次会议第20号提案的答复函", m.Title);
        Assert.Equal("014032126/2024-01636", m.DisclosureIndex);
        Assert.Equal(new DateOnly(2024, 8, 16), m.GeneratedOn);
        Assert.Equal(new DateOnly(2024, 8, 16), m.PublishedOn);
        Assert.Equal(new DateOnly(2024, 7, 23), m.DocumentDate);
        Assert.Equal("新吴区工信局", m.IssuingBody);
        Assert.Equal(DocumentLevel.District, m.Level);
        Assert.Equal(DocumentStatus.Valid, m.Status);
        Assert.Null(m.DocumentNumber);
    }

    [Fact]
    public void Metadata_NewsArticle_ReadsSourceAuthorAndDate()
    {
        var m = Metadata("000");
        Assert.Equal(DocumentKind.News, m.Kind);
        Assert.Equal("江苏苏州工业园区:创新不止 人工智能产业蓄势待发", m.Title);
        Assert.Equal("苏州工业园区发布", m.Source);
        Assert.Equal(new DateOnly(2023, 2, 22), m.DocumentDate);
        Assert.Contains("董捷", m.Author, StringComparison.Ordinal);
    }

    [Fact]
    public void Outline_ActionPlan_HasItsPartsColumnsAndItems()
    {
        var (_, clean) = Load("004");
        var outline = Outline.Parse(clean);
        var column = outline.Single(e => e.Label == "专栏4");
        Assert.Equal("应用场景拓展重点工作", column.Title);
        Assert.StartsWith("专栏4", clean[column.Start..], StringComparison.Ordinal);
        Assert.Contains(outline, e => e.Label == "一、" && e.Title == "总体要求");
        Assert.Contains(outline, e => e.Label == "(四)" && e.Title.StartsWith("应用场景融合拓展行动", StringComparison.Ordinal));
        Assert.Equal(9, outline.Count(e => e.Label.StartsWith("专栏", StringComparison.Ordinal)));
        Assert.True(outline.Single(e => e.Label == "一、").Level < column.Level, "专栏 sits below the parts");
    }

    [Fact]
    public void Facts_TraditionalNews_Revenue2024IsMoreThan230BillionYuan()
    {
        var (_, clean) = Load("001");
        var fact = FactExtractor.Extract(clean, 2025).Single(f => f.Text.Contains("2300億元", StringComparison.Ordinal) || f.Text.Contains("2300亿元", StringComparison.Ordinal));
        Assert.Equal(FactKind.Figure, fact.Kind);
        Assert.Equal(230_000_000_000m, fact.Quantity!.Value);
        Assert.Equal("元", fact.Quantity.Unit);
        Assert.Equal(Qualifier.MoreThan, fact.Quantity.Qualifier);
        Assert.Equal(2024, fact.Year);
        Assert.Equal("苏州市人工智能产业", fact.Subject);
        Assert.StartsWith("2024年,蘇州市人工智能產業實現營收超2300億元", fact.Sentence.Text, StringComparison.Ordinal);
        Assert.Equal(fact.Sentence.Text, clean.Substring(fact.Sentence.Start, fact.Sentence.Length));
    }

    [Fact]
    public void Facts_News_CountsListedFirms()
    {
        var (_, clean) = Load("000");
        var fact = FactExtractor.Extract(clean, 2023).Single(f => f.Text == "15家");
        Assert.Equal(FactKind.Count, fact.Kind);
        Assert.Equal(15m, fact.Quantity!.Value);
        Assert.Contains("上市企业", fact.Metric, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_ActionPlan_TargetsAreFor2025()
    {
        var (_, clean) = Load("004");
        var facts = FactExtractor.Extract(clean, 2022);
        var core = facts.Single(f => f.Text == "超过300亿元");
        Assert.Equal(FactKind.Target, core.Kind);
        Assert.Equal(2025, core.Year);
        Assert.Equal(30_000_000_000m, core.Quantity!.Value);
        Assert.Equal(Qualifier.MoreThan, core.Quantity.Qualifier);
        var leaders = facts.Single(f => f.Text == "超10家");
        Assert.Equal("头雁企业", leaders.Metric);
        var demos = facts.Single(f => f.Text.StartsWith("20 个左右", StringComparison.Ordinal) || f.Text.StartsWith("20个左右", StringComparison.Ordinal));
        Assert.Equal(Qualifier.About, demos.Quantity!.Qualifier);
    }

    [Fact]
    public void Facts_SessionNumbers_AreNotCounts()
    {
        var facts = FactExtractor.Extract("对区政协二届三次会议第20号提案的答复函。区内已集聚人工智能和机器人企业60余家。", 2024);
        var only = Assert.Single(facts);
        Assert.Equal(60m, only.Quantity!.Value);
        Assert.Equal("区内", only.Subject);
    }

    [Fact]
    public void Facts_WhenTheYearCannotBeDecided_KeepTheFactWithNoYear_AndSayWhy()
    {
        var facts = FactExtractor.Extract("2022年和2023年,园区人工智能企业分别实现营收10亿元和12亿元。", 2024);
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f =>
        {
            Assert.Null(f.Year);
            Assert.Contains("2022、2023", f.Ambiguity, StringComparison.Ordinal);
        });

        // One year named: nothing to decide.
        var dated = Assert.Single(FactExtractor.Extract("2023年,园区人工智能企业实现营收12亿元。", 2024));
        Assert.Equal((2023, (string?)null), (dated.Year, dated.Ambiguity));
        // The figure's own clause names its year: the other year in the sentence does not make it ambiguous.
        var own = FactExtractor.Extract("2022年营收10亿元,2023年营收增至12亿元。", 2024);
        Assert.Equal([2022, 2023], own.Select(f => f.Year ?? 0));
        Assert.All(own, f => Assert.Null(f.Ambiguity));
    }

    [Fact]
    public void Facts_AMagnitudeWithoutAUnit_IsKeptWithTheUnitStatedAsUnwritten()
    {
        var fact = Assert.Single(FactExtractor.Extract("2023年,园区新增接入设备1.6亿,同比增长。", 2024));
        Assert.Equal((160_000_000m, ""), (fact.Quantity!.Value, fact.Quantity.Unit));
        Assert.Contains("单位未写明", fact.Ambiguity, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_SimplifiedQuery_MarksTheTraditionalWordsAsWritten()
    {
        var text = "2024年,蘇州市人工智能產業實現營收超2300億元,聚集核心企業近700家。";
        var parts = Snippets.Build(text, SearchAnalyzer.Default.QueryTerms("苏州 产业 营收"));
        Assert.Equal(["蘇州", "產業", "營收"], parts.Where(p => p.Hit).Select(p => p.Text));
        Assert.Equal(text, string.Concat(parts.Select(p => p.Text)));
    }

    [Theory]
    [InlineData("encrypted.pdf", "encrypted")]
    [InlineData("scanned.pdf", "no text")]
    public void Read_BadPdf_IsRefusedWithTheFileAndTheReason(string file, string reason)
    {
        var error = Assert.Throws<DocumentRejectedException>(() => DocumentReader.Read(file, File.ReadAllBytes(TestPaths.Fixture("documents/" + file))));
        Assert.StartsWith(file + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "unsupported")]
    [InlineData("broken.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00 }, "damaged")]
    [InlineData("broken.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00 }, "")]
    [InlineData("empty.txt", new byte[0], "empty")]
    public void Read_UnreadableOrUnsupported_IsRefusedWithTheFileName(string file, byte[] bytes, string reason)
    {
        var error = Assert.Throws<DocumentRejectedException>(() => DocumentReader.Read(file, bytes));
        Assert.StartsWith(file + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PrintedPdf_GivesUnifiedIdeographsAndWholeParagraphs()
    {
        var extracted = DocumentReader.Read("policy.pdf", File.ReadAllBytes(TestPaths.Fixture("documents/policy.pdf")));
        Assert.DoesNotContain(extracted.Text, c => c is >= '\u2E80' and <= '\u2FDF');
        Assert.Contains("每年度在全市范围内遴选20个左右苏州市人工智能应用场景示范项目。", extracted.Text, StringComparison.Ordinal);
        var m = MetadataExtractor.Extract(WebPageCleaner.Clean(extracted.Text), "policy.pdf", extracted.Format);
        Assert.Equal("关于组织申报2025年度苏州市人工智能应用场景示范项目的通知", m.Title);
        Assert.Equal("苏工信软件〔2025〕7号", m.DocumentNumber);
        Assert.Equal("苏州市工业和信息化局", m.IssuingBody);
        Assert.Equal(new DateOnly(2025, 3, 10), m.DocumentDate);
    }

    [Theory]
    [InlineData("上海市科学技术进步条例(2024-05-10).md", "上海市人民代表大会常务委员会", DocumentLevel.Provincial)]
    [InlineData("数据安全法(2021-06-10).md", "全国人民代表大会常务委员会", DocumentLevel.National)]
    [InlineData("深圳经济特区人工智能产业促进条例(2022-09-05).md", "深圳市人民代表大会常务委员会", DocumentLevel.Municipal)]
    public void Metadata_Law_HasIssuerLevelDateAndChapterOutline(string file, string issuer, DocumentLevel level)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "laws-sample", file);
        var extracted = DocumentReader.Read(file, File.ReadAllBytes(path));
        var clean = WebPageCleaner.Clean(extracted.Text.Replace("<!-- INFO END -->", "", StringComparison.Ordinal));
        var m = MetadataExtractor.Extract(clean, file, extracted.Format);
        Assert.Equal(DocumentKind.Law, m.Kind);
        Assert.Equal(issuer, m.IssuingBody);
        Assert.Equal(level, m.Level);
        Assert.Equal(DateOnly.Parse(file[(file.LastIndexOf('(') + 1)..file.LastIndexOf(')')], System.Globalization.CultureInfo.InvariantCulture), m.DocumentDate);
        var outline = Outline.Parse(clean);
        Assert.Contains(outline, e => e.Label == "第一章");
        Assert.Contains(outline, e => e.Label == "第一条");
    }

    [Fact]
    public void Outline_BookOfACode_ListsItsArticlesThoughItHasNoFirstArticle()
    {
        // 民法典's 婚姻家庭编 numbers on from the books before it.
        const string book = "# 中华人民共和国民法典\n\n# 婚姻家庭编\n\n第一章 一般规定\n\n第一千零四十条 本编调整因婚姻家庭产生的民事关系。\n\n第一千零六十二条 夫妻在婚姻关系存续期间所得的下列财产，为夫妻的共同财产，归夫妻共同所有：\n\n（一）工资、奖金、劳务报酬；\n";
        var outline = Outline.Parse(book);
        Assert.Equal(["第一千零四十条", "第一千零六十二条"], outline.Where(e => e.Level == 3).Select(e => e.Label));
        Assert.Equal(book.IndexOf("第一千零六十二条", StringComparison.Ordinal), outline.Single(e => e.Label == "第一千零六十二条").Start);

        // A policy whose prose mentions 第三条 mid-line is not a law.
        Assert.DoesNotContain(Outline.Parse("一、总体要求\n按照办法第三条的规定执行。\n"), e => e.Level == 3);
    }
}
