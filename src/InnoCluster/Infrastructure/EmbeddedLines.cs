using System.Globalization;

namespace InnoCluster.Infrastructure;

/// <summary>The team's word lists the app carries inside its assembly: their lines, and their tab-separated rows.</summary>
public static class EmbeddedLines
{
    /// <param name="logicalName">The resource's name as InnoCluster.csproj gives it (InnoCluster.everyday-words.tsv).</param>
    public static IEnumerable<string> Read(string logicalName)
    {
        using var stream = typeof(EmbeddedLines).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"The embedded file '{logicalName}' is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>
    /// The rows of a tab-separated list, each with its line number; blank lines and # comments skipped. A row with
    /// another number of columns is refused with its number (<see cref="Refused"/>).
    /// </summary>
    /// <param name="list">The list's name in messages (matching-concepts).</param>
    /// <param name="columnNames">What the columns hold, in order, for the message.</param>
    public static IEnumerable<(int Line, string[] Columns)> TabRows(IEnumerable<string> lines, string list, params string[] columnNames)
    {
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != columnNames.Length)
            {
                throw Refused(list, number, $"expected {columnNames.Length} tab-separated columns ({string.Join(", ", columnNames)}), found {columns.Length}");
            }

            yield return (number, columns);
        }
    }

    /// <summary>A line of a list that cannot be used: its number and why.</summary>
    public static FormatException Refused(string list, int line, string why) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{list} line {line}: {why}."));
}
