namespace InnoCluster.Tests.Infrastructure;

/// <summary>
/// Where quality tests (question sets, matching sets) leave what they measured, line by line, for whoever tunes the
/// ranking: a folder named by INNOCLUSTER_QUESTION_REPORT; nothing is written without it.
/// </summary>
public static class QualityReports
{
    public static void Write(string name, IEnumerable<string> lines)
    {
        if (Environment.GetEnvironmentVariable("INNOCLUSTER_QUESTION_REPORT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllLines(Path.Combine(folder, name + ".tsv"), lines);
        }
    }
}
