using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InnoCluster.Infrastructure.Mail;

/// <summary>Sends one built message: through an SMTP relay, or into the pickup directory.</summary>
public interface IMailTransport
{
    /// <summary>Where messages go, for logs and the CLI: "smtp://relay:25" or the directory.</summary>
    string Destination { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public static class MailMessages
{
    /// <summary>A plain-text UTF-8 message with From, To, Subject (encoded as needed), Date and Message-ID.</summary>
    public static MimeMessage Build(string from, string to, string subject, string body, string messageId, DateTimeOffset date, string? unsubscribeUrl = null)
    {
        var message = new MimeMessage
        {
            Subject = subject,
            Date = date,
            MessageId = messageId,
            // 8-bit UTF-8 as written; MailKit re-encodes it for a relay that only takes 7-bit.
            Body = new TextPart("plain") { Text = body, ContentTransferEncoding = ContentEncoding.EightBit },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        if (unsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return message;
    }

    public static string NewMessageId(string from) =>
        $"{Guid.NewGuid():N}@{(MailboxAddress.TryParse(from, out var sender) && sender.Domain.Length > 0 ? sender.Domain : "innocluster.invalid")}";
}

/// <summary>Through the configured relay with MailKit (STARTTLS when offered, credentials when configured).</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    public string Destination => $"smtp://{_smtp.Host}:{_smtp.Port}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)_smtp.Timeout.TotalMilliseconds };
        var security = Enum.TryParse<SecureSocketOptions>(_smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(_smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), _smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_smtp.User))
        {
            await client.AuthenticateAsync(_smtp.User, _smtp.ReadPassword() ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Without a relay: each message as an .eml file in data/outbox/, written whole or not at all.</summary>
public sealed class PickupDirectoryTransport(InnoClusterPaths paths) : IMailTransport
{
    public string Destination => Path.Combine(paths.DataDirectory, "outbox");

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Destination);
        var name = $"{message.Date.UtcDateTime:yyyyMMddHHmmssfff}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        var temporary = Path.Combine(Destination, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(Destination, name), overwrite: true);
    }
}
