namespace InnoCluster.Infrastructure.Mail;

/// <summary>Messages to people (set-password links, notices). Delivered by the operator's mail relay.</summary>
public interface IMessageOutbox
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>
/// Writes each message as an RFC 5322 file under data/outbox/, for the operator's mail relay (or a person)
/// to deliver; the platform runs without network access to a mail server.
/// </summary>
public sealed class FileMessageOutbox(InnoClusterPaths paths, TimeProvider clock) : IMessageOutbox
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(paths.DataDirectory, "outbox");
        Directory.CreateDirectory(directory);
        var now = clock.GetUtcNow();
        var file = Path.Combine(directory, $"{now:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        var encodedSubject = "=?UTF-8?B?" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(subject)) + "?=";
        var content = $"To: {to}\r\nSubject: {encodedSubject}\r\nDate: {now:R}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n";
        await File.WriteAllTextAsync(file, content, cancellationToken);
    }
}
