namespace InnoCluster.Infrastructure.Mail;

/// <summary>
/// How mail leaves (section "Mail"). With <see cref="SmtpOptions.Host"/> set, through that relay; without
/// it, each message is written as an .eml file to data/outbox/ (a pickup directory an operator's relay,
/// or a person, can take them from).
/// </summary>
public sealed class MailOptions
{
    /// <summary>The From header: "苏州人工智能产业创新集群 &lt;noreply@example.gov.cn&gt;".</summary>
    public string From { get; set; } = "InnoCluster <noreply@innocluster.invalid>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Attempts before a message becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How often the delivery loop looks for due messages when nothing wakes it sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? User { get; set; }

    /// <summary>From the environment (Mail__Smtp__Password), never appsettings.json; or see <see cref="PasswordFile"/>.</summary>
    public string? Password { get; set; }

    /// <summary>A file holding the password (a mounted secret), read at each connection.</summary>
    public string? PasswordFile { get; set; }

    public string? ReadPassword() => Password ?? (PasswordFile is { Length: > 0 } file ? File.ReadAllText(file).Trim() : null);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
