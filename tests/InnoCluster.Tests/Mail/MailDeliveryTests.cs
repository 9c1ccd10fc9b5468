using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Mail;

/// <summary>The platform with its mail relay set to a real SMTP server on loopback; two attempts before a dead letter.</summary>
public sealed class MailTestApp<TTarget> : TestApp<TTarget>
    where TTarget : DatabaseTarget, new()
{
    public MailTestApp() => Sink.StartAsync().GetAwaiter().GetResult();

    public SmtpSink Sink { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:Security", "None");
        builder.UseSetting("Mail:Smtp:Timeout", "00:00:05");
        builder.UseSetting("Mail:From", "苏州人工智能产业创新集群 <noreply@cluster.example.cn>");
        builder.UseSetting("Mail:MaxAttempts", "2");
        builder.UseSetting("Mail:PollInterval", "00:00:00.200");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>Mail leaves through the relay with proper headers; a relay that is down is retried, then dead-lettered, and can be retried by the security admin.</summary>
public abstract class MailDeliveryTests<TTarget>(MailTestApp<TTarget> app) : DatabaseTests<TTarget>(app)
    where TTarget : DatabaseTarget, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task QueueAsync(string to, string subject, string body)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<IMessageOutbox>().SendAsync(to, subject, body, Ct);
    }

    [Fact]
    public async Task AQueuedMessage_ArrivesThroughTheRelay_WithFromMessageIdAndAnEncodedChineseSubject()
    {
        var to = $"unit-{Guid.NewGuid():N}@example.cn";
        await QueueAsync(to, "催报：2025年第三季度进度报告", "请于10月15日前填报。\nhttps://cluster.example.cn/plans/tasks/1");
        var received = await app.Sink.WaitForAsync(m => m.Contains($"X-RcptTo: {to}", StringComparison.Ordinal));
        Assert.Contains("From: =?utf-8?", received, StringComparison.OrdinalIgnoreCase); // the Chinese display name, encoded
        Assert.Contains("<noreply@cluster.example.cn>", received, StringComparison.Ordinal);
        Assert.Matches(@"Message-Id: <[0-9a-f]{32}@cluster\.example\.cn>", received);
        Assert.Contains("Subject: =?utf-8?", received, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("催报", received.Split("\n\n")[0], StringComparison.Ordinal); // headers are 7-bit

        var row = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.To == to, Ct));
        Assert.Equal((OutboxStatus.Sent, 1, (string?)null), (row.Status, row.Attempts, row.LastError));
    }

    [Fact]
    public async Task RelayDown_RetriesWithBackOff_ThenDeadLetters_AndTheSecurityAdminRetriesIt()
    {
        var delivery = app.Services.GetRequiredService<MailDelivery>();
        var to = $"down-{Guid.NewGuid():N}@example.cn";
        await app.Sink.StopAsync();
        try
        {
            await QueueAsync(to, "设置密码", "https://cluster.example.cn/account/set-password?token=secret");
            var first = await AttemptedAsync(delivery, to, m => m.Attempts >= 1);
            Assert.Equal((OutboxStatus.Pending, 1), (first.Status, first.Attempts));
            Assert.False(string.IsNullOrEmpty(first.LastError));
            Assert.InRange((first.NextAttemptAt - app.Clock.GetUtcNow()).TotalSeconds, 59.99, 60.01); // PostgreSQL keeps microseconds

            // Not due yet: nothing is tried. A minute later, the second attempt fails too: a dead letter.
            await delivery.DeliverDueAsync(Ct);
            Assert.Equal(1, await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.To == to).Select(m => m.Attempts).SingleAsync(Ct)));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(2, (await AttemptedAsync(delivery, to, m => m.Status == OutboxStatus.DeadLetter)).Attempts);
        }
        finally
        {
            await app.Sink.StartAsync();
        }

        var admin = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.SecurityAdmin]));
        var queue = await admin.GetJsonAsync("/api/mail/outbox?status=DeadLetter");
        var dead = queue["messages"]!.AsArray().Single(m => m!["to"]!.GetValue<string>() == to)!;
        Assert.Null(dead["body"]); // the body holds the link: never listed
        Assert.True(queue["deadLetter"]!.GetValue<int>() >= 1);
        var id = dead["id"]!.GetValue<long>();

        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        using (var forbidden = await official.PostAsync($"/api/mail/outbox/{id}/retry", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var retried = await admin.PostAsync($"/api/mail/outbox/{id}/retry", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        }

        await app.Sink.WaitForAsync(m => m.Contains($"X-RcptTo: {to}", StringComparison.Ordinal));
        using (var again = await admin.PostAsync($"/api/mail/outbox/{id}/retry", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // sent now: nothing to retry
        }

        // The audit trail records the message, but not its body (the link).
        var audit = await app.WithDbAsync(db => db.Set<InnoCluster.Infrastructure.Auditing.AuditEntry>().Where(e => e.Subject == "outbox_messages").Select(e => e.Changes).ToListAsync(Ct));
        Assert.DoesNotContain(audit, c => c != null && c.Contains("token=secret", StringComparison.Ordinal));
    }

    /// <summary>
    /// Delivers until the message reaches the state (the background loop may hold the claim on an attempt
    /// in flight; a refused connection takes a moment).
    /// </summary>
    private async Task<OutboxMessage> AttemptedAsync(MailDelivery delivery, string to, Func<OutboxMessage, bool> reached)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await delivery.DeliverDueAsync(Ct);
            var message = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.To == to, Ct));
            if (reached(message) || waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                return message;
            }

            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task MailTestVerb_SendsThroughTheRelay_AndRefusesANonAddress()
    {
        var to = $"cli-{Guid.NewGuid():N}@example.cn";
        var output = new StringWriter();
        var code = await new MailVerb().RunAsync(CliCommand.Parse(["mail", "test", to])!, app.Services, output, Ct);
        Assert.True(code == 0, output.ToString());
        Assert.Contains($"smtp://127.0.0.1:{app.Sink.Port}", output.ToString(), StringComparison.Ordinal);
        await app.Sink.WaitForAsync(m => m.Contains($"X-RcptTo: {to}", StringComparison.Ordinal));

        var bad = new StringWriter();
        Assert.Equal(2, await new MailVerb().RunAsync(CliCommand.Parse(["mail", "test", "not an address"])!, app.Services, bad, Ct));
    }
}

public sealed class SqliteMailDeliveryTests(MailTestApp<SqliteTarget> app) : MailDeliveryTests<SqliteTarget>(app), IClassFixture<MailTestApp<SqliteTarget>>;

public sealed class PostgresMailDeliveryTests(MailTestApp<PostgresTarget> app) : MailDeliveryTests<PostgresTarget>(app), IClassFixture<MailTestApp<PostgresTarget>>;
