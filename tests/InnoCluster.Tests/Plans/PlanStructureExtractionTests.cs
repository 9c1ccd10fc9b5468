using System.Text.Json;
using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Features.Plans;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Plans;

/// <summary>The plan's actions, boxes, tasks and responsible units, read from 004 against the hand-made list in fixtures/plan/structure-004.json.</summary>
public sealed class PlanStructureExtractionTests(ITestOutputHelper output)
{
    private sealed record JudgedAction(int Number, string Title, List<string> Units, List<string> Tasks);

    private static List<JudgedAction> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("plan/structure-004.json")));
        return [.. json.RootElement.GetProperty("actions").EnumerateArray().Select(a => new JudgedAction(
            a.GetProperty("number").GetInt32(),
            a.GetProperty("title").GetString()!,
            [.. a.GetProperty("units").EnumerateArray().Select(u => u.GetString()!)],
            [.. a.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()!)]))];
    }

    private static string PlanText()
    {
        var file = Directory.GetFiles(Path.Combine(TestPaths.Seed, "documents"), "004_*.txt").Single();
        var raw = File.ReadAllText(file);
        return InnoCluster.Text.WebPageCleaner.Clean(DocumentReader.Read(file, System.Text.Encoding.UTF8.GetBytes(raw)).Text);
    }

    [Fact]
    public void Extract_004_FindsItsActionsTasksAndUnitsAboveTheMeasuredFloor()
    {
        var judged = Load();
        var text = PlanText();
        var extracted = PlanStructureExtractor.Extract(text);

        var expectedTasks = judged.SelectMany(a => a.Tasks.Select((t, i) => $"{a.Number}-{i + 1} {t}")).ToList();
        var gotTasks = extracted.SelectMany(a => a.Tasks.Select(t => $"{t.Box}-{t.Number} {t.Title}")).ToList();
        var expectedUnits = judged.SelectMany(a => a.Units.Select(u => $"{a.Number} {u}")).ToList();
        var gotUnits = extracted.SelectMany(a => a.Units.Select(u => $"{a.Number} {u}")).ToList();
        var (taskPrecision, taskRecall) = Score(expectedTasks, gotTasks, "task");
        var (unitPrecision, unitRecall) = Score(expectedUnits, gotUnits, "unit");
        output.WriteLine($"actions: {judged.Count} judged, {extracted.Count} extracted");
        output.WriteLine($"tasks: {expectedTasks.Count} judged, {gotTasks.Count} extracted, precision {taskPrecision:F2}, recall {taskRecall:F2}");
        output.WriteLine($"units: {expectedUnits.Count} judged, {gotUnits.Count} extracted, precision {unitPrecision:F2}, recall {unitRecall:F2}");

        Assert.Equal(judged.Select(a => (a.Number, a.Title)), extracted.Select(a => (a.Number, a.Title)));
        // Measured 1.00 on all four; the floors leave room for a plan laid out a little differently.
        Assert.True(taskPrecision >= 0.95 && taskRecall >= 0.95, $"tasks precision {taskPrecision:F2}, recall {taskRecall:F2}");
        Assert.True(unitPrecision >= 0.95 && unitRecall >= 0.95, $"units precision {unitPrecision:F2}, recall {unitRecall:F2}");

        // Every task's text is its own: it starts with its number and title and stands at its offset in the document.
        foreach (var task in extracted.SelectMany(a => a.Tasks))
        {
            Assert.StartsWith($"{task.Number}.{task.Title}", task.Text, StringComparison.Ordinal);
            Assert.StartsWith($"{task.Number}.", text[task.TextStart..].TrimStart(), StringComparison.Ordinal);
        }

        // The page break inside 专栏7's first task ("建设\n\n5G专网") does not cut it short.
        Assert.Contains("5G专网", extracted[6].Tasks[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("……企业。(责任单位:市工信局、\n\n市发改委、市科技局,各县级市(区)人民政府(管委会))", "市工信局|市发改委|市科技局|各县级市(区)人民政府(管委会)")]
    [InlineData("……(责任单位：市工信局)", "市工信局")]
    [InlineData("没有责任单位的段落", "")]
    public void ResponsibleUnits_KeepsParenthesesInsideNames(string paragraph, string expected) =>
        Assert.Equal(expected, string.Join("|", PlanStructureExtractor.ResponsibleUnits(paragraph)));

    private (double Precision, double Recall) Score(List<string> expected, List<string> got, string what)
    {
        var remaining = new List<string>(got);
        var hits = 0;
        foreach (var key in expected)
        {
            if (remaining.Remove(key))
            {
                hits++;
            }
            else
            {
                output.WriteLine($"missed {what}: {key}");
            }
        }

        foreach (var extra in remaining)
        {
            output.WriteLine($"extra {what}: {extra}");
        }

        return ((double)hits / Math.Max(1, got.Count), (double)hits / expected.Count);
    }
}
