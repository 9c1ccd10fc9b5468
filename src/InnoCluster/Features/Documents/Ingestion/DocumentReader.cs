using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using HtmlAgilityPack;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;
using Wordprocessing = DocumentFormat.OpenXml.Wordprocessing;

namespace InnoCluster.Features.Documents.Ingestion;

/// <summary>Why a file could not become a document: named and explained, nothing stored.</summary>
public sealed class DocumentRejectedException(string message) : Exception(message);

public sealed record ExtractedText(string Text, string Format, string? HtmlTitle);

/// <summary>
/// What one file may cost to read. A hostile file (50,000 nested tags, a .docx that unpacks to hundreds
/// of megabytes, a PDF of endless pages) is refused with the limit it hit, and the server keeps serving.
/// </summary>
public sealed record ReadLimits
{
    public static ReadLimits Default { get; } = new();

    /// <summary>Elements nested deeper than this in an HTML page (real pages stay well under 100).</summary>
    public int MaxHtmlDepth { get; init; } = 256;

    /// <summary>Characters of XML in one part of a Word package (its main text, 50 million ≈ thousands of pages).</summary>
    public long MaxXmlCharacters { get; init; } = 50_000_000;

    /// <summary>Declared unpacked size of a Word package, checked before anything is unpacked.</summary>
    public long MaxUnpackedBytes { get; init; } = 200L * 1024 * 1024;

    public int MaxPdfPages { get; init; } = 5_000;

    /// <summary>Characters of text extracted from one file.</summary>
    public int MaxTextCharacters { get; init; } = 20_000_000;

    /// <summary>Wall-clock time to read one file, checked between pages, paragraphs and elements.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Text out of the files offices keep: saved web pages (HtmlAgilityPack, dropping script, style, nav,
/// header, footer and aside), plain text and Markdown (UTF-8 or GB18030), PDF (PdfPig, in reading order)
/// Word .docx (Open XML SDK, streamed), and Word 97-2003 .doc / WPS .wps through <see cref="LegacyWordConverter"/>. The type comes from the bytes, and the file's name must not
/// say otherwise (a text file named .pdf is refused).
/// </summary>
public static class DocumentReader
{
    private static readonly Dictionary<string, string> FamilyOfExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "pdf",
        [".docx"] = "docx",
        [".doc"] = "word97",
        [".wps"] = "word97",
        [".html"] = "text",
        [".htm"] = "text",
        [".txt"] = "text",
        [".md"] = "text",
    };

    public static ExtractedText Read(string fileName, byte[] bytes, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        if (bytes.Length == 0)
        {
            throw new DocumentRejectedException($"{fileName}: 文件为空 / the file is empty");
        }

        var budget = new ReadBudget(fileName, limits);
        ExtractedText extracted;
        if (bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            ExpectFamily(fileName, "pdf", "PDF");
            extracted = ReadPdf(fileName, bytes, budget);
        }
        else if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            var (kind, problem) = UploadStore.Sniff(fileName, bytes, new UploadLimits(long.MaxValue, long.MaxValue, MaxUnpackedBytes: limits.MaxUnpackedBytes));
            if (kind != FileKind.Docx)
            {
                throw new DocumentRejectedException($"{fileName}: 不支持的文件类型（只接受 Word .docx 压缩包）：{problem ?? kind.ToString()} / unsupported archive: {problem ?? kind.ToString()}");
            }

            extracted = ReadDocx(fileName, bytes, budget);
        }
        else if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            ExpectFamily(fileName, "word97", "Word 97-2003 / WPS");
            var docx = ReadDocx(fileName, LegacyWordConverter.ToDocx(fileName, bytes, limits.MaxTime), budget);
            extracted = docx with { Format = Path.GetExtension(fileName).Equals(".wps", StringComparison.OrdinalIgnoreCase) ? "wps" : "doc" };
        }
        else if (Array.IndexOf(bytes, (byte)0) < 0)
        {
            ExpectFamily(fileName, "text", Localized("文本", "text"));
            var text = TabularFileReader.DecodeText(bytes);
            var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart().ToString();
            var isHtml = head.StartsWith('<') && (head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<p", StringComparison.OrdinalIgnoreCase) || head.Contains("<div", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase));
            extracted = isHtml ? ReadHtml(fileName, text, budget) : new ExtractedText(text, fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "md" : "txt", null);
        }
        else
        {
            throw new DocumentRejectedException($"{fileName}: 不支持的文件类型（支持网页 HTML、文本、PDF、Word .docx/.doc、WPS .wps） / unsupported file type (HTML, text, PDF, Word .docx/.doc, WPS .wps)");
        }

        budget.CountText(extracted.Text.Length);
        if (extracted.Text.Count(c => !char.IsWhiteSpace(c)) < 10)
        {
            throw new DocumentRejectedException($"{fileName}: 文件中没有可提取的文字（扫描件需先识别） / the file holds no text (a scan needs OCR first)");
        }

        return extracted;
    }

    private static string Localized(string chinese, string english) => $"{chinese} / {english}";

    /// <summary>A known extension must name what the bytes are; a name without one is taken by its content.</summary>
    private static void ExpectFamily(string fileName, string family, string contentName)
    {
        var extension = Path.GetExtension(fileName);
        if (extension.Length == 0)
        {
            return;
        }

        if (!FamilyOfExtension.TryGetValue(extension, out var named))
        {
            throw new DocumentRejectedException($"{fileName}: 不支持的扩展名“{extension}”（支持 .html .htm .txt .md .pdf .docx .doc .wps） / unsupported extension '{extension}'");
        }

        if (named != family)
        {
            throw new DocumentRejectedException($"{fileName}: 文件内容是 {contentName}，扩展名却是“{extension}” / the content is {contentName} but the name says '{extension}'");
        }
    }

    private static ExtractedText ReadPdf(string fileName, byte[] bytes, ReadBudget budget)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            if (pdf.NumberOfPages > budget.Limits.MaxPdfPages)
            {
                throw new DocumentRejectedException($"{fileName}: PDF 超过 {budget.Limits.MaxPdfPages} 页（共 {pdf.NumberOfPages} 页） / the PDF has more than {budget.Limits.MaxPdfPages} pages ({pdf.NumberOfPages})");
            }

            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                budget.Check();
                text.AppendLine(JoinWrappedLines(TextNormalizer.FoldIdeographForms(ContentOrderTextExtractor.GetText(page))));
                budget.CountText(text.Length);
            }

            return new ExtractedText(text.ToString(), "pdf", pdf.Information.Title);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentRejectedException($"{fileName}: PDF 已加密，请提供未加密的文件 / the PDF is encrypted");
        }
        catch (Exception ex) when (ex is not DocumentRejectedException and not OutOfMemoryException)
        {
            throw new DocumentRejectedException($"{fileName}: PDF 文件已损坏或无法读取（{ex.Message}） / the PDF is damaged or unreadable ({ex.Message})");
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

    /// <summary>
    /// The main part's paragraphs, streamed element by element (never the whole document tree in memory),
    /// with the part's XML capped in characters: a package that unpacks to far more than it weighs is
    /// refused when it reaches the cap, not after it filled the memory.
    /// </summary>
    private static ExtractedText ReadDocx(string fileName, byte[] bytes, ReadBudget budget)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = budget.Limits.MaxXmlCharacters });
            var main = word.MainDocumentPart;
            if (main is null)
            {
                throw new DocumentRejectedException($"{fileName}: Word 文档没有正文 / the document has no body");
            }

            var text = new StringBuilder();
            var inParagraph = false;
            using (var reader = OpenXmlReader.Create(main))
            {
                var elements = 0;
                while (reader.Read())
                {
                    if (++elements % 4096 == 0)
                    {
                        budget.Check();
                        budget.CountText(text.Length);
                    }

                    if (reader.ElementType == typeof(Wordprocessing.Paragraph))
                    {
                        if (reader.IsEndElement)
                        {
                            text.Append('\n');
                            inParagraph = false;
                        }
                        else
                        {
                            inParagraph = true;
                        }
                    }
                    else if (inParagraph && reader.IsStartElement && reader.ElementType == typeof(Wordprocessing.Text))
                    {
                        text.Append(reader.GetText());
                    }
                }
            }

            return new ExtractedText(text.ToString(), "docx", word.PackageProperties.Title);
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            var capped = ex.Message.Contains("MaxCharactersIn", StringComparison.Ordinal) || ex.InnerException?.Message.Contains("MaxCharactersIn", StringComparison.Ordinal) == true;
            throw new DocumentRejectedException(capped
                ? $"{fileName}: Word 文档正文解压后超过 {budget.Limits.MaxXmlCharacters / 1_000_000} 百万字符 / the document's text part unpacks to more than {budget.Limits.MaxXmlCharacters:N0} characters"
                : $"{fileName}: Word 文档无法读取（{ex.Message}） / the .docx cannot be read ({ex.Message})");
        }
    }

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "blockquote", "pre", "dd", "dt",
    };

    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template",
    };

    private static ExtractedText ReadHtml(string fileName, string html, ReadBudget budget)
    {
        var document = new HtmlDocument { OptionMaxNestedChildNodes = budget.Limits.MaxHtmlDepth };
        try
        {
            document.LoadHtml(html);
        }
        catch (Exception ex) when (ex.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            throw new DocumentRejectedException($"{fileName}: 网页标签嵌套超过 {budget.Limits.MaxHtmlDepth} 层 / the page nests elements more than {budget.Limits.MaxHtmlDepth} deep");
        }

        var title = document.DocumentNode.Descendants("title").FirstOrDefault()?.InnerText?.Trim();
        var root = document.DocumentNode.Descendants("body").FirstOrDefault() ?? document.DocumentNode;

        // Walked with a stack of its own, never by recursion: the depth of a page is the author's choice.
        var text = new StringBuilder();
        var pending = new Stack<(HtmlNode Node, bool Closing)>();
        pending.Push((root, false));
        var visited = 0;
        while (pending.Count > 0)
        {
            var (node, closing) = pending.Pop();
            if (++visited % 4096 == 0)
            {
                budget.Check();
                budget.CountText(text.Length);
            }

            if (closing)
            {
                text.Append('\n');
                continue;
            }

            if (node.NodeType == HtmlNodeType.Text)
            {
                // Text as written, entities decoded once: "&lt;script&gt;" in a paragraph is the words "<script>".
                text.Append(HtmlEntity.DeEntitize(((HtmlTextNode)node).Text).Replace('\u00A0', ' '));
                continue;
            }

            if (node.NodeType is not (HtmlNodeType.Element or HtmlNodeType.Document) || (node != root && DroppedElements.Contains(node.Name)))
            {
                continue;
            }

            var block = node != root && BlockElements.Contains(node.Name);
            if (block)
            {
                text.Append('\n');
                pending.Push((node, true));
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                pending.Push((child, false));
            }
        }

        return new ExtractedText(text.ToString(), "html", title is null ? null : HtmlEntity.DeEntitize(title));
    }

    /// <summary>The time and text a read may still spend, checked as it goes.</summary>
    private sealed class ReadBudget(string fileName, ReadLimits limits)
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public ReadLimits Limits => limits;

        public void Check()
        {
            if (Stopwatch.GetElapsedTime(_started) > limits.MaxTime)
            {
                throw new DocumentRejectedException($"{fileName}: 读取超过 {limits.MaxTime.TotalSeconds:F0} 秒，已停止 / reading took longer than {limits.MaxTime.TotalSeconds:F0} s and was stopped");
            }
        }

        public void CountText(int characters)
        {
            if (characters > limits.MaxTextCharacters)
            {
                throw new DocumentRejectedException($"{fileName}: 提取的文字超过 {limits.MaxTextCharacters / 1_000_000} 百万字符 / more than {limits.MaxTextCharacters:N0} characters of text");
            }
        }
    }
}
