using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;

namespace InnoCluster.Tests.Scenarios;

/// <summary>The concept layer on its own: the thesaurus format, cues within a sentence, chain names merged, and what the scorer credits.</summary>
public sealed class ConceptThesaurusTests
{
    private static readonly ChainNodeInfo Perception = new(1, "perception", "感知智能", "Perception", ChainLayer.Technology, ChainNodeLevel.Segment, null, [], 1);
    private static readonly ChainNodeInfo Speech = new(2, "speech", "语音识别", "Speech", ChainLayer.Technology, ChainNodeLevel.Node, 1, ["语音交互", "声纹识别"], 2);
    private static readonly ChainNodeInfo Bci = new(3, "bci", "脑机接口", "BCI", ChainLayer.Technology, ChainNodeLevel.Node, 1, [], 3);

    [Fact]
    public void TheEmbeddedThesaurus_TakesALeafNodesNamesWhereItIsThatNode_AndLeafNodesAreConceptsOfTheirOwn()
    {
        var thesaurus = ConceptThesaurus.With([Perception, Speech, Bci]);
        var speech = Assert.Single(thesaurus.Concepts, c => c.Name == "语音识别");
        Assert.Equal("speech", speech.ChainNode);
        Assert.Contains("asr", speech.Names);
        Assert.Contains("声纹识别", speech.Names);
        Assert.DoesNotContain(thesaurus.Concepts, c => c.Name == "人脸识别" && c.Names.Contains("视觉"));
        Assert.Contains(thesaurus.Concepts, c => c.Name == "脑机接口" && c.Cues.Count == 0);
        Assert.DoesNotContain(thesaurus.Concepts, c => c.Name == "感知智能");
    }

    [Fact]
    public void EveryChainNodeTheThesaurusNames_IsInTheSeedTaxonomy()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        void Collect(System.Text.Json.Nodes.JsonNode? node)
        {
            if (node is System.Text.Json.Nodes.JsonArray array)
            {
                foreach (var item in array)
                {
                    Collect(item);
                }
            }
            else if (node is System.Text.Json.Nodes.JsonObject item)
            {
                if (item["code"] is { } code)
                {
                    codes.Add(code.GetValue<string>());
                }

                Collect(item["segments"]);
                Collect(item["nodes"]);
            }
        }

        Collect(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "data", "seed", "chain.json"))));
        var named = ConceptThesaurus.With([]).Concepts.Where(c => c.ChainNode is not null).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, c => Assert.True(codes.Contains(c.ChainNode!), $"{c.Name}: chain node {c.ChainNode} is not in data/seed/chain.json"));
    }

    [Theory]
    [InlineData("医生口述就能生成病历", "语音识别", "口述")]
    [InlineData("不需要司机的车送快递", "无人配送", "不需要司机…车")]
    [InlineData("查合作方的股权结构和涉诉情况", "企业信用", "股权结构")]
    [InlineData("客户常在晚上和周末咨询产品和售后问题，人手不够，希望随时有人回答。", "智能客服", "随时有人回答")]
    [InlineData("社区有很多独居老人，在家摔倒了常常几个小时没人发现。", "跌倒检测", "摔倒")]
    [InlineData("我們需要語音轉寫", "语音识别", "语音转写")]
    public void Evoked_FindsTheConcept_ByItsNamesOrAnEverydayCue(string text, string concept, string says)
    {
        var evidence = Assert.Single(ConceptThesaurus.With([]).Evoked(text), e => e.Concept.Name == concept);
        Assert.Equal(says, evidence.Says);
    }

    [Fact]
    public void ACue_NeedsAllItsPartsInOneSentence()
    {
        var cue = Assert.Single(ConceptThesaurus.Parse(["x\tX\t\tasr\t说话+记录|文字"])).Cues[0];
        Assert.Equal("说话…记录", cue.FindIn(ConceptThesaurus.Sentences("会上说话都要记录")));
        Assert.Null(cue.FindIn(ConceptThesaurus.Sentences("会上说话。会后记录")));
    }

    [Theory]
    [InlineData("x\tasr", "expected 5 tab-separated columns")]
    [InlineData("x\tX\t\t\t说话", "at least one word")]
    [InlineData("x\t\t\tasr\t说话", "in both languages")]
    [InlineData("x\tX\t\tasr\t说话++记录", "empty part")]
    public void AMalformedLine_IsRefusedWithItsNumber(string line, string why)
    {
        var error = Assert.Throws<FormatException>(() => ConceptThesaurus.Parse(["# header", line]));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    private static MatchProfile Profile(CandidateKind kind, int id, string text) =>
        new(kind, id, kind == CandidateKind.Demand ? null : id, $"{kind}{id}", text, ScenarioMatcher.KeyTerms(text), [], [], new HashSet<string>(), null, 0);

    [Fact]
    public void Rank_CreditsAConceptSaidInOtherWords_AndNamesBothSides_ButNeverTwice()
    {
        var demand = Profile(CandidateKind.Demand, 1, "医生口述就能生成病历");
        var asr = Profile(CandidateKind.Solution, 10, "医疗语音识别引擎，支持医学术语。");
        var his = Profile(CandidateKind.Solution, 11, "医院信息系统与病历模板。");
        var saysItToo = Profile(CandidateKind.Solution, 12, "支持口述录入和语音识别。");
        var matcher = new ScenarioMatcher(new MatchWeights(), ConceptThesaurus.With([]));
        var ranked = matcher.Rank(demand, [his, asr, saysItToo]);

        var link = Assert.Single(ranked.Single(m => m.Candidate.Id == 10).Reasons.SharedConcepts);
        Assert.Equal(("语音识别", "口述", "语音识别"), (link.Concept, link.SubjectSays, link.CandidateSays));
        // The candidate that says 口述 itself is credited by the shared word, not by the concept as well.
        var literal = ranked.Single(m => m.Candidate.Id == 12);
        Assert.Contains("口述", literal.Reasons.SharedTerms);
        Assert.Empty(literal.Reasons.SharedConcepts);
        Assert.Empty(ranked.Single(m => m.Candidate.Id == 11).Reasons.SharedConcepts);

        var withoutConcepts = new ScenarioMatcher(new MatchWeights { Concepts = 0 }, ConceptThesaurus.With([])).Rank(demand, [his, asr]);
        Assert.DoesNotContain(withoutConcepts, m => m.Candidate.Id == 10);
    }
}
