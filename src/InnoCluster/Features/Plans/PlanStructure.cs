using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Plans;

/// <summary>One of a plan's actions (行动, "(一)龙头企业引育壮大行动") with the units responsible for it.</summary>
public sealed class PlanAction
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>1 for (一), 2 for (二) …</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The action's paragraph as written, ending with its (责任单位:…) line.</summary>
    public string Text { get; set; } = "";

    public int TextStart { get; set; }

    /// <summary>The responsible units in the order the document names them; the first leads (牵头).</summary>
    public List<string> Units { get; set; } = [];

    public List<PlanTask> Tasks { get; set; } = [];

    public bool Proposed { get; set; } = true;
}

/// <summary>A key task (重点工作) of an action's box (专栏), reported on by the action's responsible units.</summary>
public sealed class PlanTask
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int ActionId { get; set; }

    /// <summary>The box it stands in (专栏1) and its number there (1.推进精准招商服务).</summary>
    public int Box { get; set; }

    public string BoxTitle { get; set; } = "";

    public int Number { get; set; }

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public int TextStart { get; set; }

    /// <summary>Who reports on it: the action's units unless an official changed them for this task.</summary>
    public List<string> Units { get; set; } = [];

    public bool Proposed { get; set; } = true;

    /// <summary>"专栏1-2".</summary>
    public string Code => $"{Box}-{Number}";
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.ToTable("plan_actions");
        b.HasIndex(a => new { a.PlanId, a.Number }).IsUnique();
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Text).HasMaxLength(8000);
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Tasks).WithOne().HasForeignKey(t => t.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("plan_tasks");
        b.HasIndex(t => new { t.PlanId, t.Box, t.Number }).IsUnique();
        b.Property(t => t.BoxTitle).HasMaxLength(200);
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Text).HasMaxLength(8000);
        b.Ignore(t => t.Code);
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record ProposedTask(int Box, string BoxTitle, int Number, string Title, string Text, int TextStart);

public sealed record ProposedAction(int Number, string Title, string Text, int TextStart, IReadOnlyList<string> Units, IReadOnlyList<ProposedTask> Tasks);

/// <summary>
/// Reads a plan's structure from its text, the way Chinese action plans are laid out: actions headed
/// "(一)…行动" whose paragraph ends with "(责任单位:市工信局、市科技局,各县级市(区)人民政府(管委会))",
/// each followed by a box "专栏1 …重点工作" of numbered tasks "1.推进精准招商服务。…". A task's units are
/// its action's. Headings that are not actions ("(一)指导思想", "(一)加强组织协调") are left out.
/// </summary>
public static partial class PlanStructureExtractor
{
    public static IReadOnlyList<ProposedAction> Extract(string text)
    {
        var headings = ActionHeading().Matches(text).Cast<Match>().ToList();
        var actions = new List<ProposedAction>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            var end = i + 1 < headings.Count ? headings[i + 1].Index : EndOfTasks(text, heading.Index);
            var body = text[heading.Index..end];
            var box = BoxHeading().Match(body);
            var paragraphEnd = box.Success ? box.Index : body.Length;
            var paragraph = body[..paragraphEnd].Trim();
            var tasks = box.Success ? Tasks(body, box, heading.Index) : [];
            actions.Add(new ProposedAction(
                ChineseNumeral(heading.Groups["n"].Value),
                heading.Groups["title"].Value.Trim(),
                Squash(paragraph),
                heading.Index,
                ResponsibleUnits(paragraph),
                tasks));
        }

        return actions;
    }

    /// <summary>
    /// The units in "(责任单位:A、B,C(区)人民政府(管委会))": the parenthesis is matched by depth so a unit's own
    /// "(区)" stays in its name; line breaks inside the list (a page break in the source) are dropped.
    /// </summary>
    public static IReadOnlyList<string> ResponsibleUnits(string paragraph)
    {
        var at = Math.Max(paragraph.LastIndexOf("(责任单位", StringComparison.Ordinal), paragraph.LastIndexOf("（责任单位", StringComparison.Ordinal));
        if (at < 0)
        {
            return [];
        }

        var start = at + "(责任单位".Length;
        while (start < paragraph.Length && paragraph[start] is ':' or '：' or ' ')
        {
            start++;
        }

        var depth = 1;
        var end = start;
        for (; end < paragraph.Length; end++)
        {
            depth += paragraph[end] switch { '(' or '（' => 1, ')' or '）' => -1, _ => 0 };
            if (depth == 0)
            {
                break;
            }
        }

        var list = Regex.Replace(paragraph[start..end], @"\s+", "");
        return [.. list.Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
    }

    private static List<ProposedTask> Tasks(string body, Match box, int bodyStart)
    {
        var number = int.Parse(box.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var boxTitle = box.Groups["title"].Value.Trim();
        var items = TaskItem().Matches(body, box.Index + box.Length).Cast<Match>().ToList();
        var tasks = new List<ProposedTask>();
        var expected = 1;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var n = int.Parse(item.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (n != expected)
            {
                continue; // a number inside a task's text ("1-2家") that happens to open a line
            }

            expected++;
            var next = items.Skip(i + 1).FirstOrDefault(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) == expected);
            var end = next?.Index ?? body.Length;
            var text = Squash(body[item.Index..end].Trim());
            var titleEnd = item.Groups["rest"].Value.IndexOfAny(['。', '.']);
            var title = titleEnd > 0 ? item.Groups["rest"].Value[..titleEnd] : item.Groups["rest"].Value;
            tasks.Add(new ProposedTask(number, boxTitle, n, title.Trim().Length > 60 ? title.Trim()[..60] : title.Trim(), text, bodyStart + item.Index));
        }

        return tasks;
    }

    /// <summary>The tasks of the last action end where the plan's closing part begins (三、保障措施).</summary>
    private static int EndOfTasks(string text, int from)
    {
        var closing = ClosingPart().Match(text, from);
        return closing.Success ? closing.Index : text.Length;
    }

    /// <summary>Joins a paragraph broken by a page break ("建设\n\n5G专网") back into one line.</summary>
    private static string Squash(string text) => Regex.Replace(text, @"\s*\n\s*", "");

    private static int ChineseNumeral(string numeral) => numeral switch
    {
        "一" => 1, "二" => 2, "三" => 3, "四" => 4, "五" => 5, "六" => 6, "七" => 7, "八" => 8, "九" => 9, "十" => 10,
        _ when numeral.StartsWith('十') => 10 + ChineseNumeral(numeral[1..]),
        _ when numeral.EndsWith('十') => 10 * ChineseNumeral(numeral[..^1]),
        _ => 0,
    };

    [GeneratedRegex(@"^[ \t]*[(（](?<n>[一二三四五六七八九十]{1,3})[)）][ \t]*(?<title>[^\n。]{2,40}行动)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ActionHeading();

    [GeneratedRegex(@"^[ \t]*专栏[ \t]*(?<n>\d{1,2})[ \t]*(?<title>[^\n]{2,60})$", RegexOptions.Multiline)]
    private static partial Regex BoxHeading();

    [GeneratedRegex(@"^[ \t]*(?<n>\d{1,2})[ \t]*[.．、][ \t]*(?<rest>[^\n]+)", RegexOptions.Multiline)]
    private static partial Regex TaskItem();

    [GeneratedRegex(@"^[ \t]*[三四五六七八九][ \t]*[、.]?[ \t]*(保障措施|组织实施|工作要求)", RegexOptions.Multiline)]
    private static partial Regex ClosingPart();
}
