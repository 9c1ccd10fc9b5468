namespace InnoCluster.Infrastructure.Web;

/// <summary>A list typed into one form field the way the documents write lists: "机器视觉、缺陷检测", "市工信局，市科技局".</summary>
public static class FormLists
{
    public static List<string> Split(string? text) =>
        [.. (text ?? "").Split([',', '，', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
