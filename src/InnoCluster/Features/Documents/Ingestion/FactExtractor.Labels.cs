using InnoCluster.Text;
using System.Text.RegularExpressions;

namespace InnoCluster.Features.Documents.Ingestion;

/// <summary>Who and what a figure is about: the subject and metric labels read from its clause and the clauses before it.</summary>
public static partial class FactExtractor
{
    /// <summary>"在亨通光纤光棒工厂,…", "对于顶尖人才,…": the place, body or people a sentence opens with is what its figures are about.</summary>
    private static string? OpeningSubject(string sentence)
    {
        var comma = sentence.IndexOfAny([',', '，']);
        // 在园区, …: where; 对于顶尖人才, …: for whom.
        var lead = sentence.StartsWith('在') ? 1 : sentence.StartsWith("对于", StringComparison.Ordinal) ? 2 : 0;
        if (comma <= lead || comma > 30 || lead == 0)
        {
            return null;
        }

        var opening = Meaningful(sentence[lead..comma]);
        return opening is null ? null : NotAPlace.Any(w => opening.EndsWith(w, StringComparison.Ordinal)) ? null : opening;
    }

    /// <summary>A label with its particles taken off both ends (了, 从, 就在); none when nothing with meaning is left.</summary>
    private static string? Meaningful(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var text = label.Trim();
        for (var changed = true; changed && text.Length > 0;)
        {
            changed = false;
            foreach (var particle in Particles)
            {
                if (text.Length > particle.Length && text.StartsWith(particle, StringComparison.Ordinal))
                {
                    text = text[particle.Length..].TrimStart(',', '，', ' ');
                    changed = true;
                }

                if (text.Length > particle.Length && text.EndsWith(particle, StringComparison.Ordinal))
                {
                    text = text[..^particle.Length].TrimEnd(',', '，', ' ');
                    changed = true;
                }
            }
        }

        return text.Length < 2 || Particles.Contains(text) || TimeOnly().IsMatch(text) ? null : text;
    }

    /// <summary>此10年前的2007年, 到2027年, 2024年: when, not who or what.</summary>
    [GeneratedRegex(@"^(?:[此到至在]?.{0,8}(?:19|20)\d{2}\s*年.{0,4}|.{0,3}年前.{0,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOnly();

    /// <summary>
    /// "人工智能试验区以场景开放为牵引,…,迄今已发布了71个…": a name of a place or body that opens an earlier clause
    /// of the sentence is who its figures are about (the nearest one before the figure's own clause).
    /// </summary>
    private static string? NameOpeningAClause(string sentence, int figureClauseStart)
    {
        // Clauses, not the items of a list (苏州大学、南京大学…): split at commas and semicolons only.
        var clauses = sentence[..Math.Min(sentence.Length, figureClauseStart)].Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var clause in clauses.Reverse())
        {
            for (var length = Math.Min(14, clause.Length); length >= 2; length--)
            {
                if (IsPlaceOrBody(clause[..length]) && Meaningful(clause[..length]) is { } name && !name.StartsWith('除'))
                {
                    return name;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:正在建设的|新建的|作为[^,，]{0,12}的)?(?<name>[\p{IsCJKUnifiedIdeographs}A-Za-z0-9()（）]{2,24}?)(?:已经|已|将|正在|实现了|实现|形成了|形成|围绕|组建)", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenVerb();

    [GeneratedRegex(@"^(?:正在建设的|新建的)?(?<name>[\p{IsCJKUnifiedIdeographs}A-Za-z0-9()（）]{2,24}(?:项目|中心|基金|平台|集团|公司))$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedBody();

    /// <summary>
    /// Who an earlier clause of the sentence says acts: "常熟已形成…", "苏州将围绕…", "波司登实现了…",
    /// "…母基金已组建", or a body named on its own before "是…" (正在建设的吴江算力调度中心项目,是…).
    /// </summary>
    private static string? NameBeforeAVerb(string sentence, int figureClauseStart)
    {
        var clauses = sentence[..Math.Min(sentence.Length, figureClauseStart)].Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = clauses.Length - 1; i >= 0; i--)
        {
            var clause = LeadingTime().Replace(clauses[i], string.Empty).Trim();
            // A name, not a figure (42个重点算法已通过…) nor an aspect (在设计环节).
            if (NameThenVerb().Match(clause) is { Success: true } acting && Meaningful(acting.Groups["name"].Value) is { } name
                && !char.IsAsciiDigit(name[0]) && !NotAPlace.Any(w => name.EndsWith(w, StringComparison.Ordinal)))
            {
                return name;
            }

            var next = i + 1 < clauses.Length ? clauses[i + 1] : sentence[Math.Min(sentence.Length, figureClauseStart)..];
            if (next.StartsWith('是') && NamedBody().Match(clause) is { Success: true } body)
            {
                return body.Groups["name"].Value;
            }
        }

        return null;
    }

    /// <summary>园区, 区内, 苏州市, …集团, …中心: a name of a place or a body, who a figure is about.</summary>
    private static bool IsPlaceOrBody(string label) =>
        label.Length <= 12 && PlaceEndings.Any(e => label.EndsWith(e, StringComparison.Ordinal))
        && !label.EndsWith("上市", StringComparison.Ordinal) && !label.EndsWith("城市", StringComparison.Ordinal) && !label.Contains('等', StringComparison.Ordinal)
        && !Verbs.Any(v => label.StartsWith(v, StringComparison.Ordinal)) && !label.StartsWith("培育", StringComparison.Ordinal) && !label.StartsWith("支持", StringComparison.Ordinal);

    private static readonly string[] PlaceEndings = ["区", "区内", "市", "县", "镇", "园", "集团", "公司", "中心", "大学", "学院", "基地", "平台"];

    /// <summary>A label that points past the figure: a list of examples (…等), a conjunction (…和), a verb of making or naming (建成, 覆盖, 给予).</summary>
    private static bool NamesWhatFollows(string label) =>
        label.EndsWith('等') || label.EndsWith('和') || label.EndsWith('及') || label.EndsWith('与') || "立设造选定进施动育建给盖划予".Contains(label[^1], StringComparison.Ordinal);

    private static (string? Subject, string? Metric) SubjectAndMetric(string clause)
    {
        if (clause.Length == 0)
        {
            return (null, null);
        }

        // A verb inside brackets (瞪羚(含培育)企业) qualifies a noun; it does not split the clause.
        var verb = Verbs.Select(v => (Verb: v, At: clause.IndexOf(v, StringComparison.Ordinal))).Where(x => x.At >= 0 && !InsideBrackets(clause, x.At)).OrderBy(x => x.At).FirstOrDefault();
        if (verb.Verb is not null)
        {
            var subject = clause[..verb.At];
            var metric = clause[(verb.At + verb.Verb.Length)..];
            return (subject, metric.Length == 0 ? verb.Verb : metric);
        }

        foreach (var noun in MetricNouns)
        {
            // 苏州规上工业总产值: who, then what; but 智算规模, 规上产值 are one name (a short modifier is part of it).
            if (clause.EndsWith(noun, StringComparison.Ordinal) && clause.Length - noun.Length > 3)
            {
                return (clause[..^noun.Length], noun);
            }
        }

        return (null, clause);
    }
}
