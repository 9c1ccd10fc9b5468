using InnoCluster.Features.Calls;

namespace InnoCluster.Tests.Calls;

/// <summary>Expert review without a host: recusal, balanced assignment, scores on the scale and kept as revisions, normalisation, decisions.</summary>
public sealed class ReviewRulesTests
{
    private static readonly IReadOnlyList<Criterion> Rubric = [new("innovation", "创新性", 40, 10), new("benefit", "效益", 60, 10)];

    private static Expert ExpertAt(int id, string affiliation, params DeclaredInterest[] interests) =>
        new() { Id = id, Name = $"专家{id}", Affiliation = affiliation, Interests = [.. interests] };

    [Fact]
    public void Recusal_CoversOwnFirmPartnersDeclaredInterestsAndRecentJointProjects()
    {
        var applicant = new Recusal.Applicant(7, "苏州某智能科技有限公司", ["苏州大学"]);
        Assert.Contains("own organisation", Recusal.Why(ExpertAt(1, "苏州某智能科技有限公司"), applicant, 2026), StringComparison.Ordinal);
        Assert.Contains("partner", Recusal.Why(ExpertAt(2, "苏州大学"), applicant, 2026), StringComparison.Ordinal);
        Assert.Contains("shares", Recusal.Why(ExpertAt(3, "南京大学", new DeclaredInterest("其他名字", InterestKind.Shareholding, EnterpriseId: 7)), applicant, 2026), StringComparison.Ordinal);
        Assert.Contains("works for", Recusal.Why(ExpertAt(4, "南京大学", new DeclaredInterest("苏州某智能科技有限公司 ", InterestKind.Employment)), applicant, 2026), StringComparison.Ordinal);
        Assert.Contains("joint project", Recusal.Why(ExpertAt(5, "南京大学", new DeclaredInterest("苏州某智能科技有限公司", InterestKind.JointProject, 2023)), applicant, 2026), StringComparison.Ordinal);
        Assert.Null(Recusal.Why(ExpertAt(6, "南京大学", new DeclaredInterest("苏州某智能科技有限公司", InterestKind.JointProject, 2022)), applicant, 2026));
        Assert.Null(Recusal.Why(ExpertAt(7, "南京大学", new DeclaredInterest("别的公司", InterestKind.Employment)), applicant, 2026));
        Assert.Null(Recusal.Why(ExpertAt(8, ""), applicant with { EnterpriseName = "" }, 2026));
    }

    [Fact]
    public void Assignment_GivesEachApplicationN_NeverARecusedExpert_AndSpreadsTheLoad()
    {
        var experts = Enumerable.Range(1, 12).Select(i => ExpertAt(i, $"单位{i}")).ToList();
        experts[0].ChainNodeIds = [100];
        experts[1].Affiliation = "企业3";
        var applications = Enumerable.Range(1, 30).Select(i => new ExpertAssignment.Candidate(new Recusal.Applicant(i, $"企业{i}", []), i, new HashSet<int> { 100 })).ToList();
        var outcome = ExpertAssignment.Assign(applications, experts, 5, 2026, Array.Empty<(int, int)>().ToLookup(x => x.Item1, x => x.Item2), Array.Empty<(int, int)>().ToLookup(x => x.Item1, x => x.Item2));

        Assert.Empty(outcome.ShortOf);
        Assert.All(outcome.Picks.GroupBy(p => p.ApplicationId), g => Assert.Equal(5, g.Select(p => p.ExpertId).Distinct().Count()));
        Assert.DoesNotContain(outcome.Picks, p => p.ApplicationId == 3 && p.ExpertId == 2);
        Assert.Equal((3, 2), (outcome.Recusals.Single().ApplicationId, outcome.Recusals.Single().ExpertId));
        // 150 reviews over 12 experts: nobody carries more than the even share (13), however well they fit.
        var loads = outcome.Picks.GroupBy(p => p.ExpertId).Select(g => g.Count()).ToList();
        Assert.True(loads.Max() <= 13, string.Join(",", loads));
        Assert.True(loads.Max() - loads.Min() <= 2, string.Join(",", loads));
        Assert.Equal(13, outcome.Picks.Count(p => p.ExpertId == 1)); // the one who fits takes a full share
    }

    [Fact]
    public void Assignment_ReportsApplicationsThatCannotGetN_AndFillsOnlyTheGapOnARerun()
    {
        var experts = Enumerable.Range(1, 3).Select(i => ExpertAt(i, $"单位{i}")).ToList();
        var applications = new[] { new ExpertAssignment.Candidate(new Recusal.Applicant(1, "单位1", []), 1, new HashSet<int>()) };
        var first = ExpertAssignment.Assign(applications, experts, 3, 2026, Array.Empty<(int, int)>().ToLookup(x => x.Item1, x => x.Item2), Array.Empty<(int, int)>().ToLookup(x => x.Item1, x => x.Item2));
        Assert.Equal(2, first.ShortOf[1]);

        var kept = new[] { (1, 2) }.ToLookup(x => x.Item1, x => x.Item2);
        var aside = new[] { (1, 3) }.ToLookup(x => x.Item1, x => x.Item2);
        var rerun = ExpertAssignment.Assign(applications, experts, 2, 2026, kept, aside);
        Assert.Empty(rerun.Picks);
        Assert.Equal(1, rerun.ShortOf[1]);
    }

    [Fact]
    public void Scores_AreOnTheScale_WeightedTo100_AndARescoreIsANewRevision()
    {
        var assignment = new ReviewAssignment { Status = AssignmentStatus.Assigned };
        var at = DateTimeOffset.UtcNow;
        Assert.Equal(["scores.benefit"], assignment.Score(Rubric, new Dictionary<string, decimal> { ["innovation"] = 8, ["benefit"] = 11 }, null, at)!.ByField.Keys);
        Assert.Equal(["scores.benefit", "scores.other"], assignment.Score(Rubric, new Dictionary<string, decimal> { ["innovation"] = 8, ["other"] = 1 }, null, at)!.ByField.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(assignment.Sheets);

        Assert.Null(assignment.Score(Rubric, new Dictionary<string, decimal> { ["innovation"] = 8, ["benefit"] = 7 }, "好", at));
        Assert.Equal(74m, assignment.Latest!.Total); // 40×0.8 + 60×0.7
        Assert.Null(assignment.Score(Rubric, new Dictionary<string, decimal> { ["innovation"] = 9, ["benefit"] = 7 }, "复核后", at));
        Assert.Equal([74m, 78m], assignment.Sheets.Select(s => s.Total));
        Assert.Equal(2, assignment.Latest!.Revision);

        Assert.Null(assignment.Recuse("发现近三年合作"));
        Assert.NotNull(assignment.Score(Rubric, new Dictionary<string, decimal> { ["innovation"] = 1, ["benefit"] = 1 }, null, at));
    }

    [Fact]
    public void Ranking_NormalisesEachExpert_FlagsDivergence_AndThePanelScoreStands()
    {
        // Expert 1 is lenient (90, 80, 70), expert 2 strict (60, 50, 40): the same order, the same z. Experts 3 and 4 disagree on application 4.
        var scores = new List<Ranking.Score>
        {
            new(1, 1, 90), new(2, 1, 80), new(3, 1, 70),
            new(1, 2, 60), new(2, 2, 50), new(3, 2, 40),
            new(4, 3, 85), new(4, 4, 40),
        };
        var rows = Ranking.Rank([1, 2, 3, 4, 5], scores, new Dictionary<int, decimal> { [4] = 88 }, 35).ToDictionary(r => r.ApplicationId);
        Assert.Equal(75m, rows[1].RawMean);
        Assert.Equal(rows[1].ZMean!.Value, -rows[3].ZMean!.Value, 6);
        Assert.True(rows[1].ZMean > rows[2].ZMean && rows[2].ZMean > rows[3].ZMean);
        Assert.False(rows[1].Divergent);
        Assert.True(rows[4].Divergent); // 85 vs 40, beyond 35 points; 90 vs 60 is not
        Assert.Equal((88m, 1), (rows[4].Final!.Value, rows[4].Rank!.Value));
        Assert.Equal([1, 2, 3, 4], new[] { rows[4].Rank, rows[1].Rank, rows[2].Rank, rows[3].Rank }.Select(r => r!.Value));
        Assert.Equal((0, null, null), (rows[5].Scored, rows[5].Final, rows[5].Rank));
    }

    [Fact]
    public void ADecision_NeedsEveryReview_ThePanelOnDivergence_RoomInTheQuota_AndAReason()
    {
        var call = new Call { Status = CallStatus.Published, OpensAt = DateTimeOffset.UtcNow.AddDays(-30), ClosesAt = DateTimeOffset.UtcNow.AddDays(-1), TotalQuota = 1, Rubric = [.. Rubric] };
        var application = new CallApplication { Status = ApplicationStatus.Accepted };
        var now = DateTimeOffset.UtcNow;
        ReviewAssignment Scored(decimal innovation, decimal benefit)
        {
            var a = new ReviewAssignment { Status = AssignmentStatus.Assigned };
            Assert.Null(a.Score(Rubric, new Dictionary<string, decimal> { ["innovation"] = innovation, ["benefit"] = benefit }, null, now));
            return a;
        }

        Assert.Contains("no expert", DecisionRules.WhyNot(call, application, [], 0, true, "好", now)!.Message, StringComparison.Ordinal);
        Assert.Contains("1 experts have not scored", DecisionRules.WhyNot(call, application, [Scored(8, 8), new ReviewAssignment { Status = AssignmentStatus.Assigned }], 0, true, "好", now)!.Message, StringComparison.Ordinal);
        var recused = new ReviewAssignment { Status = AssignmentStatus.Recused };
        Assert.Contains("panel", DecisionRules.WhyNot(call, application, [Scored(10, 10), Scored(2, 2), recused], 0, true, "好", now)!.Message, StringComparison.Ordinal);
        Assert.Contains("quota of 1", DecisionRules.WhyNot(call, application, [Scored(8, 8), recused], 1, true, "好", now)!.Message, StringComparison.Ordinal);
        Assert.Null(DecisionRules.WhyNot(call, application, [Scored(8, 8), recused], 1, false, "分数不足", now));
        Assert.Equal("reason", DecisionRules.WhyNot(call, application, [Scored(8, 8)], 0, true, " ", now)!.Field);
        Assert.Null(DecisionRules.WhyNot(call, application, [Scored(8, 8)], 0, true, "综合排名第一", now));
        application.PanelScore = 70;
        Assert.Null(DecisionRules.WhyNot(call, application, [Scored(10, 10), Scored(2, 2)], 0, true, "小组评议", now));
    }
}
