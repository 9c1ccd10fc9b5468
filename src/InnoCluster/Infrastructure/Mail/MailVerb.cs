using InnoCluster.Infrastructure.Cli;
using Microsoft.Extensions.Options;

namespace InnoCluster.Infrastructure.Mail;

/// <summary>
/// `mail test ADDRESS`: sends one message straight through the configured transport and says where it went
/// or why it failed (for checking a relay at install time). `mail deliver`: sends what is due in the outbox now.
/// </summary>
public sealed class MailVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["mail"];

    public string Usage => "mail test ADDRESS | mail deliver   send a test message through the relay; send the outbox's due messages now";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        switch (command.Word(1))
        {
            case "test" when command.Word(2) is { } address:
                return await TestAsync(address, services, output, cancellationToken);
            case "deliver":
                var (sent, failed) = await services.GetRequiredService<MailDelivery>().DeliverDueAsync(cancellationToken, batch: 10_000);
                await output.WriteLineAsync($"Sent {sent}, failed {failed}.");
                return failed == 0 ? 0 : 1;
            default:
                await output.WriteLineAsync("Usage: " + Usage);
                return 2;
        }
    }

    private static async Task<int> TestAsync(string address, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        await using var scope = services.CreateAsyncScope();
        var transport = scope.ServiceProvider.GetRequiredService<IMailTransport>();
        var clock = services.GetRequiredService<TimeProvider>();
        MimeKit.MimeMessage message;
        try
        {
            message = MailMessages.Build(options.From, address, "InnoCluster 测试邮件 / test message", $"这是一封测试邮件，发自 {MailDelivery.Node}。\nA test message from {MailDelivery.Node}.", MailMessages.NewMessageId(options.From), clock.GetUtcNow());
        }
        catch (MimeKit.ParseException ex)
        {
            await output.WriteLineAsync($"Not an address: {address} ({ex.Message})");
            return 2;
        }

        try
        {
            await transport.SendAsync(message, cancellationToken);
            await output.WriteLineAsync($"Sent {message.MessageId} to {address} through {transport.Destination}.");
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await output.WriteLineAsync($"Failed through {transport.Destination}: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }
}
