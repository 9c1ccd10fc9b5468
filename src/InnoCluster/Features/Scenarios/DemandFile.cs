using System.Text;
using System.Text.RegularExpressions;

namespace InnoCluster.Features.Scenarios;

/// <summary>One demand read from a file, with the line it came from.</summary>
public sealed record DemandRecord(int Line, string ExternalId, string Title, string Problem);

/// <summary>A line the reader could not take, and why.</summary>
public sealed record DemandLineError(int Line, string Field, string Message);

/// <summary>
/// Reads technology-demand files as they are published (the CCF BDCI 技术需求 file): one demand per line,
/// three single-quoted fields separated by " , " — id, title, description — with line breaks inside a
/// field written as the two characters \n. No CSV library reads this quoting (the space around the
/// separator and the bare single quotes break RFC 4180 parsers), so it is read here, strictly: a line that
/// does not have the shape is reported with its number, never guessed at. An empty description is kept
/// (some published demands are a title only).
/// </summary>
public static partial class DemandFile
{
    [GeneratedRegex(@"^'(?<id>[^']*)' , '(?<title>.*?)' , '(?<text>.*)' ?$")]
    private static partial Regex LinePattern();

    public static (IReadOnlyList<DemandRecord> Records, IReadOnlyList<DemandLineError> Errors) Read(string content)
    {
        var records = new List<DemandRecord>();
        var errors = new List<DemandLineError>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = content.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var match = LinePattern().Match(line);
            if (!match.Success)
            {
                errors.Add(new DemandLineError(number, "line", "不是 'id' , '标题' , '描述' 的格式 (expected three single-quoted fields separated by \" , \")"));
                continue;
            }

            var id = match.Groups["id"].Value.Trim();
            var title = Unescape(match.Groups["title"].Value).Trim();
            var text = Unescape(match.Groups["text"].Value).TrimEnd();
            if (id.Length is 0 or > 100)
            {
                errors.Add(new DemandLineError(number, "id", "编号为空或超过100字符 (id: 1-100 characters)"));
            }
            else if (ids.TryGetValue(id, out var first))
            {
                errors.Add(new DemandLineError(number, "id", $"编号 {id} 与第 {first} 行重复 (duplicate of line {first})"));
            }
            else if (title.Length is 0 or > 500)
            {
                errors.Add(new DemandLineError(number, "title", "标题为空或超过500字 (title: 1-500 characters)"));
            }
            else
            {
                ids[id] = number;
                records.Add(new DemandRecord(number, id, title, text));
            }
        }

        return (records, errors);
    }

    /// <summary>\n → line break, \t → tab, \\ → \; any other backslash is kept as written.</summary>
    public static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var builder = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length && field[i + 1] is 'n' or 't' or '\\' or 'r')
            {
                builder.Append(field[i + 1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => '\\' });
                i++;
            }
            else
            {
                builder.Append(field[i]);
            }
        }

        return builder.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
