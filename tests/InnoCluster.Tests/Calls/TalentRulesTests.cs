using InnoCluster.Features.Calculator;
using InnoCluster.Features.Calls;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Tests.Calls;

/// <summary>A talent programme's application puts a person forward: what it must say of them, and who steps aside from judging them.</summary>
public sealed class TalentRulesTests
{
    private static readonly CallActor Firm = new("u1", "企业用户", false, null, 7, false);
    private static readonly IReadOnlyDictionary<string, int> Nodes = new Dictionary<string, int>(StringComparer.Ordinal) { ["speech"] = 23, ["nlp"] = 27 };

    private static Call TalentCall() => new()
    {
        Title = "2026年度顶尖人才申报", Status = CallStatus.Published, Programme = CallProgramme.Talent, Year = 2026,
        OpensAt = CallTime.Parse("2026-03-01 09:00").At, ClosesAt = CallTime.Parse("2026-03-31 17:00").At,
        Rubric = [new("merit", "学术水平", 100, 10)],
    };

    private static CallApplication Draft() => new() { EnterpriseId = 7, EnterpriseName = "某智能科技有限公司", ProjectTitle = "语音大模型团队负责人", Status = ApplicationStatus.Draft };

    [Fact]
    public void ATalentApplication_WithoutItsCandidate_IsRefusedPartByPart()
    {
        var application = Draft();
        var problem = application.Submit(TalentCall(), new EligibilityAnswer(true, []), new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), Firm)!;
        Assert.Equal(["candidate.field", "candidate.name", "candidate.position"], problem.ByField.Keys.Order(StringComparer.Ordinal));

        application.Candidate = new TalentCandidate { Name = "王立", Position = "首席科学家", Field = "语音识别" };
        Assert.Null(application.Submit(TalentCall(), new EligibilityAnswer(true, []), new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), Firm));
    }

    [Fact]
    public void TheCandidate_IsReadWithItsChainNode_AndOnlyForATalentProgramme()
    {
        var errors = new List<FieldError>();
        var read = TalentCandidate.Read(new CandidateInput(" 王立 ", "首席科学家", "语音识别", "speech"), TalentCall(), Nodes, errors)!;
        Assert.Empty(errors);
        Assert.Equal(("王立", "首席科学家", "语音识别", (int?)23), (read.Name, read.Position, read.Field, read.ChainNodeId));

        TalentCandidate.Read(new CandidateInput(new string('王', 51), "首席科学家", "语音识别", "no-such-node"), TalentCall(), Nodes, errors);
        Assert.Equal(["candidate.chainNode", "candidate.name"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));

        errors.Clear();
        var other = TalentCall();
        other.Programme = CallProgramme.DemonstrationProject;
        Assert.Null(TalentCandidate.Read(new CandidateInput("王立", null, null, null), other, Nodes, errors));
        Assert.Equal("candidate", Assert.Single(errors).Field);
    }

    [Fact]
    public void AnExpert_WhoBearsTheCandidatesName_StepsAside_ButNotFromAnotherFirmsCandidate()
    {
        var expert = new Expert { Id = 1, Name = "王 立", Affiliation = "南京大学" };
        var reason = Recusal.Why(expert, new Recusal.Applicant(7, "某智能科技有限公司", [], "王立"), 2026);
        Assert.Contains("同名", reason, StringComparison.Ordinal);
        Assert.Null(Recusal.Why(expert, new Recusal.Applicant(8, "另一科技有限公司", [], "李清"), 2026));
        Assert.Null(Recusal.Why(expert, new Recusal.Applicant(9, "第三科技有限公司", []), 2026));
    }
}
