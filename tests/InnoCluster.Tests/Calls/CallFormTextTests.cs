using InnoCluster.Features.Calls;
using InnoCluster.Features.Calls.Pages;

namespace InnoCluster.Tests.Calls;

/// <summary>The new-call form's one-item-per-line lists, and the expert form's declared interests, as an official types them.</summary>
public sealed class CallFormTextTests
{
    [Fact]
    public void Lines_BecomeConditionsFieldsAttachmentsAndARubric()
    {
        Assert.Equal(
            [new("district", "in", "sip"), new("revenue", ">=", "1000 万元")],
            CallFormText.Conditions("district in sip\n\n revenue >= 1000 万元 "));
        Assert.Equal("需人工核对的条件", CallFormText.Conditions("需人工核对的条件").Single().Text);
        Assert.Equal([new("f1", "项目简介", true), new("f2", "投资额", false)], CallFormText.Fields("项目简介*\n投资额"));
        Assert.Equal([new("a1", "营业执照", true)], CallFormText.Attachments("营业执照＊"));

        var (rubric, errors) = CallFormText.Rubric("创新 性 40% 10\n应用成效 60 10");
        Assert.Empty(errors);
        Assert.Equal([new("c1", "创新 性", 40, 10), new("c2", "应用成效", 60, 10)], rubric);
        Assert.Contains("line 2", CallFormText.Rubric("创新性 40 10\n应用成效 六十 十").Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InterestLines_NameTheOrganisationTheRelationAndTheYear()
    {
        Assert.Equal(
            [new("苏州某科技有限公司", InterestKind.JointProject, 2024), new("某大学 附属医院", InterestKind.Employment), new("别的公司", InterestKind.Other)],
            ExpertsModelInterests("苏州某科技有限公司 合作项目 2024\n某大学 附属医院 任职\n别的公司"));
    }

    private static IReadOnlyList<DeclaredInterest> ExpertsModelInterests(string text) => ExpertsModel.ReadInterests(text);
}
