using System.Globalization;
using System.Text;
using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Documents;

/// <summary>A letter another feature publishes in the library (a proposal's reply), with its disclosure record.</summary>
[FeatureContract]
public sealed record LetterToPublish(string Title, string Salutation, string Body, string Signature, DateOnly SignedOn, string DisclosureIndex, string Publisher, DateOnly PublishedOn);

/// <summary>Publishes a letter as a document of the library.</summary>
[FeatureContract]
public interface ILetterPublisher
{
    /// <summary>The document's id; the same letter published twice is one document.</summary>
    Task<Result<int>> PublishAsync(LetterToPublish letter, CancellationToken cancellationToken);
}

/// <summary>
/// Writes the letter the way disclosure pages carry a reply (信息索引号, 生成日期, 公开日期, 发布机构 above the
/// title; salutation, body, signature and date below) and ingests it like any other file, so its metadata,
/// passages and search entries are read by the same code as a downloaded reply's.
/// </summary>
public sealed class LetterPublisher(DocumentIngestion ingestion) : ILetterPublisher
{
    public async Task<Result<int>> PublishAsync(LetterToPublish letter, CancellationToken cancellationToken)
    {
        var text = Compose(letter);
        var fileName = $"答复函-{string.Concat(letter.DisclosureIndex.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '-'))}.txt";
        var result = await ingestion.IngestAsync(fileName, Encoding.UTF8.GetBytes(text), new IngestHints(letter.Title, DocumentKind.Reply, letter.SignedOn, letter.Publisher), cancellationToken);
        return result.DocumentId is { } id ? id : new Problem(ProblemKind.Unprocessable, result.Error ?? "答复函未能发布 / the letter could not be published");
    }

    public static string Compose(LetterToPublish letter)
    {
        var date = letter.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine(letter.Title).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"信息索引号 {letter.DisclosureIndex} 生成日期 {date} 公开日期 {date}")
            .AppendLine(CultureInfo.InvariantCulture, $"发布机构 {letter.Publisher}")
            .AppendLine(CultureInfo.InvariantCulture, $"内容概述 {letter.Title}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{letter.Salutation}:").AppendLine();
        foreach (var paragraph in letter.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {paragraph}").AppendLine();
        }

        return text.AppendLine(CultureInfo.InvariantCulture, $"  {letter.Signature}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"  {letter.SignedOn.Year}年{letter.SignedOn.Month}月{letter.SignedOn.Day}日").ToString();
    }
}
