using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Tests.Registry;

/// <summary>An investment project's timeline (the rule carriers share) and the <c>projects:</c> indicator's grammar, without a host.</summary>
public sealed class ProjectRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static readonly Provenance Source = new() { Kind = ProvenanceKind.Manual, Source = "投资协议" };

    private static Problem? Record(InvestmentProject project, ProjectStage stage, DateOnly? on = null, int? year = null) =>
        project.RecordStage(stage, on, year, Source, "official@example.cn", Today);

    [Fact]
    public void Stages_ComeOnceInOrderInTime_NeverInTheFuture_AndNothingFollowsDropping()
    {
        var project = new InvestmentProject { Name = "测试项目" };
        Assert.Null(Record(project, ProjectStage.Contact, year: 2025));
        Assert.Equal(ProblemKind.Invalid, Record(project, ProjectStage.Contracted)?.Kind); // neither day nor year
        Assert.Equal(ProblemKind.Invalid, Record(project, ProjectStage.Contracted, on: new DateOnly(2026, 7, 1))?.Kind); // tomorrow
        Assert.Equal(ProblemKind.Invalid, Record(project, ProjectStage.Contracted, year: 2024)?.Kind); // before the first contact
        Assert.Null(Record(project, ProjectStage.Producing, on: new DateOnly(2026, 3, 1))); // a stage may be skipped
        Assert.Equal(ProblemKind.Invalid, Record(project, ProjectStage.Started, on: new DateOnly(2026, 4, 1))?.Kind); // after production began
        Assert.Null(Record(project, ProjectStage.Started, on: new DateOnly(2026, 1, 10)));
        Assert.Equal(ProblemKind.Conflict, Record(project, ProjectStage.Started, year: 2026)?.Kind);
        Assert.Null(Record(project, ProjectStage.Dropped, on: new DateOnly(2026, 5, 1)));
        Assert.Equal(ProblemKind.Invalid, Record(project, ProjectStage.Contracted, year: 2025)?.Kind); // nothing after 终止

        Assert.Null(project.StageOn(new DateOnly(2024, 12, 31)));
        Assert.Equal(ProjectStage.Contact, project.StageOn(new DateOnly(2025, 12, 31)));
        Assert.Equal(ProjectStage.Started, project.StageOn(new DateOnly(2026, 2, 1)));
        Assert.Equal(ProjectStage.Producing, project.StageOn(new DateOnly(2026, 4, 1)));
        Assert.Equal(ProjectStage.Dropped, project.StageOn(Today));

        // The database's reading of where a project stands (for the pipeline's filter and totals) is the project's own, day by day.
        for (var day = new DateOnly(2024, 12, 1); day <= Today; day = day.AddDays(10))
        {
            var standsAt = Enum.GetValues<ProjectStage>().Select(s => (ProjectStage?)s).Prepend(null)
                .Where(s => InvestmentProject.StandsAt(s, day).Compile()(project)).ToList();
            Assert.Equal([project.StageOn(day)], standsAt);
        }
    }

    [Fact]
    public void ReachedOn_CountsAProject_FromItsStageUntilItFallsThrough()
    {
        var project = new InvestmentProject { Name = "测试项目" };
        Assert.Null(Record(project, ProjectStage.Contracted, year: 2024));
        Assert.Null(Record(project, ProjectStage.Dropped, on: new DateOnly(2026, 2, 1)));
        var counts = (DateOnly day, ProjectStage stage) => InvestmentProject.ReachedOn(stage, day).Compile()(project);
        Assert.False(counts(new DateOnly(2023, 12, 31), ProjectStage.Contracted));
        Assert.True(counts(new DateOnly(2024, 12, 31), ProjectStage.Contracted)); // only the year is known: counted from its end of year
        Assert.True(counts(new DateOnly(2024, 12, 31), ProjectStage.Contact)); // a signed project was contacted
        Assert.False(counts(new DateOnly(2024, 12, 31), ProjectStage.Started));
        Assert.False(counts(new DateOnly(2026, 2, 1), ProjectStage.Contracted));
    }

    [Theory]
    [InlineData("projects:contracted", ProjectStage.Contracted, null, false)]
    [InlineData("projects:contact", ProjectStage.Contact, null, false)]
    [InlineData("projects:producing/investment", ProjectStage.Producing, null, true)]
    [InlineData("projects:contracted>=10", ProjectStage.Contracted, "10", false)]
    [InlineData("projects:started>=2.5/investment", ProjectStage.Started, "2.5", true)]
    public void TheSpec_ReadsAndWritesBack(string spec, ProjectStage stage, string? min, bool sums)
    {
        Assert.True(ProjectCount.TryParseSpec(spec, out var count));
        Assert.Equal(new ProjectCount(stage, min is null ? null : decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture), sums), count);
        Assert.Equal(spec, count.Spec);
        Assert.True(ComputedIndicator.TryParse(spec, out var indicator));
        Assert.Equal(sums ? ["元"] : ["家", "个"], indicator.Units);
        Assert.False(indicator.CountsEvents); // a project that falls through leaves the count: not a yearly event count
        Assert.Equal("/projects", indicator.Link);
    }

    [Theory]
    [InlineData("projects:")]
    [InlineData("projects:dropped")]
    [InlineData("projects:signed")]
    [InlineData("projects:contracted>=0")]
    [InlineData("projects:contracted>=-1")]
    [InlineData("projects:contracted>=ten")]
    [InlineData("projects:contracted/amount")]
    [InlineData("projects:Contracted")]
    public void AnUnknownSpec_IsRefused(string spec)
    {
        Assert.False(ProjectCount.TryParseSpec(spec, out _));
        Assert.False(ComputedIndicator.TryParse(spec, out _));
    }

    [Fact]
    public void TheDescription_SaysWhatIsCounted_InEachLanguage_WithoutTheOtherLanguagesWords()
    {
        Assert.True(ProjectCount.TryParseSpec("projects:contracted>=10/investment", out var count));
        var (chinese, english) = count.Describe();
        Assert.Contains("计划投资10亿元及以上", chinese, StringComparison.Ordinal);
        Assert.Contains("1000 million yuan or more", english, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english);
    }
}
