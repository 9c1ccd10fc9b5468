using System.Diagnostics;

namespace InnoCluster.Features.Documents.Ingestion;

/// <summary>
/// Word 97-2003 (.doc) and WPS 文字 (.wps) files, which many offices still issue, turned into .docx by headless
/// LibreOffice (Debian's libreoffice-writer-nogui) so they are read like any .docx. No .NET library here reads
/// the binary Word format. One conversion at a time per process, with its own LibreOffice profile, in a
/// temporary folder removed afterwards; a conversion that outlasts the read time limit is killed.
/// </summary>
public static class LegacyWordConverter
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private static readonly Lazy<string?> Executable = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/lib/libreoffice/program")
            .Select(folder => Path.Combine(folder, "soffice"))
            .FirstOrDefault(File.Exists));

    /// <summary>True when LibreOffice is installed and .doc/.wps files can be read.</summary>
    public static bool Available => Executable.Value is not null;

    /// <summary>The file as .docx; a <see cref="DocumentRejectedException"/> naming the file when LibreOffice is missing, fails or takes too long.</summary>
    public static byte[] ToDocx(string fileName, byte[] bytes, TimeSpan timeout)
    {
        var soffice = Executable.Value
            ?? throw new DocumentRejectedException($"{fileName}: 服务器未安装 LibreOffice，无法读取 .doc/.wps 文件，请另存为 .docx 后上传 / LibreOffice is not installed on the server, so .doc/.wps files cannot be read: save the file as .docx and upload that");
        var extension = Path.GetExtension(fileName).ToLowerInvariant() is ".wps" ? ".wps" : ".doc";
        var work = Directory.CreateTempSubdirectory("innocluster-word-");
        if (!OneAtATime.Wait(timeout))
        {
            throw new DocumentRejectedException($"{fileName}: 转换队列繁忙，请稍后再试 / other Word files are being converted: try again shortly");
        }

        try
        {
            var input = Path.Combine(work.FullName, "input" + extension);
            File.WriteAllBytes(input, bytes);
            var start = new ProcessStartInfo(soffice) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                "-env:UserInstallation=" + new Uri(Path.Combine(Path.GetTempPath(), $"innocluster-libreoffice-{Environment.ProcessId}")).AbsoluteUri,
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", work.FullName, input,
            })
            {
                start.ArgumentList.Add(argument);
            }

            var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var process = new Process { StartInfo = start };
            process.ErrorDataReceived += (_, e) => stderr.Enqueue(e.Data ?? "");
            process.OutputDataReceived += (_, _) => { };
            if (!process.Start())
            {
                throw new DocumentRejectedException($"{fileName}: LibreOffice 无法启动 / LibreOffice could not be started");
            }

            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new DocumentRejectedException($"{fileName}: 转换超过 {timeout.TotalSeconds:0} 秒未完成 / converting took longer than {timeout.TotalSeconds:0} seconds");
            }

            var output = Path.Combine(work.FullName, "input.docx");
            if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
            {
                var error = string.Join(" ", stderr).Trim();
                throw new DocumentRejectedException($"{fileName}: 不是可读的 Word 97-2003 / WPS 文件（LibreOffice 退出码 {process.ExitCode}） / not a readable Word 97-2003 or WPS file (LibreOffice exit code {process.ExitCode}){(error.Length > 0 ? ": " + error[..Math.Min(error.Length, 300)] : "")}");
            }

            return File.ReadAllBytes(output);
        }
        finally
        {
            OneAtATime.Release();
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A LibreOffice helper may still hold the folder; the temp folder is cleaned by the OS.
            }
        }
    }
}
