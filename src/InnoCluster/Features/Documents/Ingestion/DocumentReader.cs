using InnoCluster.Text;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using HtmlAgilityPack;
using InnoCluster.Infrastructure.Files;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace InnoCluster.Features.Documents.Ingestion;

/// <summary>Why a file could not become a document: named and explained, nothing stored.</summary>
public sealed class DocumentRejectedException(string message) : Exception(message);

public sealed record ExtractedText(string Text, string Format, string? HtmlTitle);

/// <summary>
/// Text out of the files offices keep: saved web pages (HtmlAgilityPack, dropping script, style, nav,
/// header, footer and aside), plain text and Markdown (UTF-8 or GB18030), PDF (PdfPig, in reading order)
/// and Word .docx (Open XML SDK). The type comes from the bytes, not the name.
/// </summary>
public static class DocumentReader
{
    public static ExtractedText Read(string fileName, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new DocumentRejectedException($"{fileName}: 文件为空 / the file is empty");
        }

        ExtractedText extracted;
        if (bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            extracted = ReadPdf(fileName, bytes);
        }
        else if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            var (kind, problem) = UploadStore.Sniff(fileName, bytes, new UploadLimits(long.MaxValue, long.MaxValue));
            if (kind != FileKind.Docx)
            {
                throw new DocumentRejectedException($"{fileName}: 不支持的文件类型（只接受 Word .docx 压缩包） / unsupported archive: {problem ?? kind.ToString()}");
            }

            extracted = ReadDocx(fileName, bytes);
        }
        else if (Array.IndexOf(bytes, (byte)0) < 0)
        {
            var text = TabularFileReader.DecodeText(bytes);
            var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart().ToString();
            var isHtml = head.StartsWith('<') && (head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<p", StringComparison.OrdinalIgnoreCase) || head.Contains("<div", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase));
            extracted = isHtml ? ReadHtml(text) : new ExtractedText(text, fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "md" : "txt", null);
        }
        else
        {
            throw new DocumentRejectedException($"{fileName}: 不支持的文件类型（支持网页 HTML、文本、PDF、Word .docx） / unsupported file type (HTML, text, PDF, .docx)");
        }

        if (extracted.Text.Count(c => !char.IsWhiteSpace(c)) < 10)
        {
            throw new DocumentRejectedException($"{fileName}: 文件中没有可提取的文字（扫描件需先识别） / the file holds no text (a scan needs OCR first)");
        }

        return extracted;
    }

    private static ExtractedText ReadPdf(string fileName, byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                text.AppendLine(JoinWrappedLines(TextNormalizer.FoldIdeographForms(ContentOrderTextExtractor.GetText(page))));
            }

            return new ExtractedText(text.ToString(), "pdf", pdf.Information.Title);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentRejectedException($"{fileName}: PDF 已加密，请提供未加密的文件 / the PDF is encrypted");
        }
        catch (Exception ex) when (ex is not DocumentRejectedException and not OutOfMemoryException)
        {
            throw new DocumentRejectedException($"{fileName}: PDF 文件已损坏或无法读取 / the PDF is damaged or unreadable ({ex.Message})");
        }
    }

    /// <summary>
    /// A PDF page holds lines, not paragraphs. A line about as long as the page's longest that does not end a
    /// sentence was wrapped by the layout: it is joined to the next (no space between Han characters).
    /// </summary>
    internal static string JoinWrappedLines(string pageText)
    {
        var lines = pageText.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var widest = lines.Max(l => l.Trim().Length);
        var result = new StringBuilder(pageText.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            result.Append(line);
            var wrapped = line.Length >= Math.Max(12, widest * 0.85) && !EndsSentence(line) && i + 1 < lines.Length && lines[i + 1].Trim().Length > 0;
            if (!wrapped)
            {
                result.Append('\n');
            }
            else if (line.Length > 0 && char.IsAsciiLetterOrDigit(line[^1]) && char.IsAsciiLetterOrDigit(lines[i + 1].Trim()[0]))
            {
                result.Append(' ');
            }
        }

        return result.ToString();

        static bool EndsSentence(string line) => line.Length > 0 && line[^1] is '。' or '；' or '：' or '！' or '？' or ';' or ':' or '!' or '?';
    }

    private static ExtractedText ReadDocx(string fileName, byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            using var word = WordprocessingDocument.Open(stream, false);
            var body = word.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                throw new DocumentRejectedException($"{fileName}: Word 文档没有正文 / the document has no body");
            }

            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
            {
                text.AppendLine(paragraph.InnerText);
            }

            return new ExtractedText(text.ToString(), "docx", word.PackageProperties.Title);
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException)
        {
            throw new DocumentRejectedException($"{fileName}: Word 文档无法读取 / the .docx cannot be read ({ex.Message})");
        }
    }

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "blockquote", "pre", "dd", "dt",
    };

    private static ExtractedText ReadHtml(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var title = document.DocumentNode.SelectSingleNode("//title")?.InnerText?.Trim();
        foreach (var node in document.DocumentNode.SelectNodes("//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//iframe|//svg") ?? Enumerable.Empty<HtmlNode>())
        {
            node.Remove();
        }

        var text = new StringBuilder();
        void Walk(HtmlNode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child.NodeType == HtmlNodeType.Text)
                {
                    text.Append(HtmlEntity.DeEntitize(child.InnerText).Replace('\u00A0', ' '));
                }
                else if (child.NodeType == HtmlNodeType.Element)
                {
                    var block = BlockElements.Contains(child.Name);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    Walk(child);
                    if (block)
                    {
                        text.Append('\n');
                    }
                }
            }
        }

        Walk(document.DocumentNode.SelectSingleNode("//body") ?? document.DocumentNode);
        return new ExtractedText(text.ToString(), "html", title is null ? null : HtmlEntity.DeEntitize(title));
    }
}
