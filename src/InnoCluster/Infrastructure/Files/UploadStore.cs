using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Infrastructure.Files;

public sealed record UploadLimits(long MaxBytes, long QuotaBytesPerOwner, int MaxZipEntries = 2000, long MaxUnpackedBytes = 200L * 1024 * 1024);

/// <summary>Why an upload was refused, with the HTTP status that says it.</summary>
public sealed record UploadRefusal(int Status, string Message);

/// <summary>
/// Accepts uploads by the rules of OWASP ASVS 5.2-5.4: a size limit, a per-owner quota, the type sniffed
/// from the bytes and required to agree with the extension, Office/zip archives checked for entry count,
/// unpacked size and unsafe names before anything reads them; stored outside the web root under a
/// generated name; served only as attachments with nosniff.
/// </summary>
public sealed class UploadStore(InnoClusterDbContext db, InnoClusterPaths paths, TimeProvider clock)
{
    /// <summary>What people may attach to demands, reports and their own files.</summary>
    public static readonly IReadOnlySet<FileKind> AttachmentKinds = new HashSet<FileKind> { FileKind.Pdf, FileKind.Png, FileKind.Jpeg, FileKind.Docx, FileKind.Xlsx, FileKind.Pptx, FileKind.Text };

    public string Root => paths.UploadsDirectory;

    /// <summary>
    /// A form's files (at most ten), each checked and stored as <see cref="SaveAsync"/> does; stops at the first
    /// refusal, naming the file. Files stored before a refusal stay in the owner's uploads.
    /// </summary>
    public async Task<(List<Guid> Stored, string? Refused)> SaveFormFilesAsync(
        string ownerId, string purpose, IEnumerable<Microsoft.AspNetCore.Http.IFormFile> files, IReadOnlySet<FileKind> allowed, UploadLimits limits, CancellationToken cancellationToken)
    {
        var stored = new List<Guid>();
        foreach (var file in files.Take(10))
        {
            await using var stream = file.OpenReadStream();
            var (saved, refusal) = await SaveAsync(ownerId, purpose, file.FileName, stream, allowed, limits, cancellationToken);
            if (saved is null)
            {
                return (stored, $"{file.FileName}: {refusal!.Message}");
            }

            stored.Add(saved.Id);
        }

        return (stored, null);
    }

    public async Task<(StoredFile? File, UploadRefusal? Refusal)> SaveAsync(
        string ownerId, string purpose, string fileName, Stream content, IReadOnlySet<FileKind> allowed, UploadLimits limits, CancellationToken cancellationToken)
    {
        var name = CleanName(fileName);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limits.MaxBytes)
            {
                return (null, new UploadRefusal(413, $"{name}: 文件超过 {limits.MaxBytes / (1024 * 1024)} MB 上限 / larger than the {limits.MaxBytes / (1024 * 1024)} MB limit"));
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return (null, new UploadRefusal(400, $"{name}: 文件为空 / the file is empty"));
        }

        var used = await db.Set<StoredFile>().Where(f => f.OwnerId == ownerId).SumAsync(f => (long?)f.Size, cancellationToken) ?? 0;
        if (used + bytes.Length > limits.QuotaBytesPerOwner)
        {
            return (null, new UploadRefusal(413, $"{name}: 超出个人存储配额 {limits.QuotaBytesPerOwner / (1024 * 1024)} MB / over your storage quota"));
        }

        var (kind, problem) = Sniff(name, bytes, limits);
        if (kind is null)
        {
            return (null, new UploadRefusal(415, $"{name}: {problem}"));
        }

        if (!allowed.Contains(kind.Value))
        {
            return (null, new UploadRefusal(415, $"{name}: 不接受此类文件（{kind}），可接受：{string.Join("、", allowed)} / this kind of file ({kind}) is not accepted here; accepted: {string.Join(", ", allowed)}"));
        }

        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var relative = Path.Combine(now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), id.ToString("N") + ".bin");
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, bytes, cancellationToken);
        var file = new StoredFile
        {
            Id = id,
            OwnerId = ownerId,
            Purpose = purpose,
            FileName = name,
            Kind = kind.Value,
            Size = bytes.Length,
            Sha256 = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(),
            StoragePath = relative,
            CreatedAt = now,
        };
        db.Add(file);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            File.Delete(full);
            throw;
        }

        return (file, null);
    }

    public async Task<(StoredFile File, Stream Content)?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (file is null)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, file.StoragePath));
        if (!full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }

        return (file, File.OpenRead(full));
    }

    /// <summary>The last path segment, without control characters or reserved punctuation, at most 200 characters.</summary>
    public static string CleanName(string? fileName)
    {
        var last = (fileName ?? "").Replace('\\', '/').Split('/').LastOrDefault(p => p.Length > 0) ?? "";
        var cleaned = new string(last.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*')).ToArray()).Trim().Trim('.');
        if (cleaned.Length == 0)
        {
            cleaned = "file";
        }

        return cleaned.Length > 200 ? cleaned[^200..] : cleaned;
    }

    /// <summary>What the bytes are; null with a reason when they are not an accepted kind or lie about it.</summary>
    public static (FileKind? Kind, string? Problem) Sniff(string name, byte[] bytes, UploadLimits limits)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        FileKind? kind = null;
        if (StartsWith(bytes, "%PDF-"u8))
        {
            kind = FileKind.Pdf;
        }
        else if (StartsWith(bytes, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            kind = FileKind.Png;
        }
        else if (StartsWith(bytes, [0xFF, 0xD8, 0xFF]))
        {
            kind = FileKind.Jpeg;
        }
        else if (StartsWith(bytes, [0x50, 0x4B, 0x03, 0x04]))
        {
            var (office, problem) = InspectArchive(bytes, limits);
            if (office is null)
            {
                return (null, problem);
            }

            kind = office;
        }
        else if (LooksLikeText(bytes, out var text))
        {
            var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart().ToString();
            kind = head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<script", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
                ? FileKind.Html
                : FileKind.Text;
        }

        if (kind is null)
        {
            return (null, "无法识别的文件类型 / not a recognised file type (PDF, Word, Excel, PowerPoint, PNG, JPEG, text, HTML)");
        }

        string[] expected = kind switch
        {
            FileKind.Pdf => [".pdf"],
            FileKind.Png => [".png"],
            FileKind.Jpeg => [".jpg", ".jpeg"],
            FileKind.Docx => [".docx"],
            FileKind.Xlsx => [".xlsx"],
            FileKind.Pptx => [".pptx"],
            FileKind.Text => [".txt", ".csv", ".md", ""],
            FileKind.Html => [".html", ".htm", ".mhtml"],
            _ => [],
        };
        return expected.Contains(extension, StringComparer.Ordinal)
            ? (kind, null)
            : (null, $"文件内容是 {kind}，扩展名却是“{extension}” / the content is {kind} but the name says '{extension}'");
    }

    private static (FileKind? Kind, string? Problem) InspectArchive(byte[] bytes, UploadLimits limits)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (archive.Entries.Count > limits.MaxZipEntries)
            {
                return (null, $"压缩包条目过多（{archive.Entries.Count}） / too many entries in the archive");
            }

            long unpacked = 0;
            foreach (var entry in archive.Entries)
            {
                var entryName = entry.FullName.Replace('\\', '/');
                if (entryName.StartsWith('/') || entryName.Split('/').Contains("..") || entryName.Contains(':', StringComparison.Ordinal))
                {
                    return (null, $"压缩包含不安全的路径“{entry.FullName}” / the archive holds an unsafe path “{entry.FullName}”");
                }

                // Unix symlinks are marked in the upper bits of the external attributes (S_IFLNK = 0xA000).
                if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
                {
                    return (null, $"压缩包含符号链接“{entry.FullName}” / the archive holds a symbolic link");
                }

                unpacked += entry.Length;
                if (unpacked > limits.MaxUnpackedBytes)
                {
                    return (null, "解压后过大 / the archive unpacks to more than the limit");
                }
            }

            var names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return (null, "压缩包不是 Office 文档；不接受任意压缩包 / a zip archive that is not an Office document");
            }

            return names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? (FileKind.Docx, null)
                : names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? (FileKind.Xlsx, null)
                : names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)) ? (FileKind.Pptx, null)
                : (null, "无法识别的 Office 文档 / an Office package of an unknown kind");
        }
        catch (InvalidDataException)
        {
            return (null, "压缩包已损坏 / the archive is damaged");
        }
    }

    private static bool LooksLikeText(byte[] bytes, out string text)
    {
        text = "";
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return false;
        }

        text = TabularFileReader.DecodeText(bytes);
        var controls = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        return controls <= text.Length / 100;
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);
}
