using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>The security admin sends a dead letter again, once the relay or the address is mended.</summary>
public sealed class RetryOutboxMessage(InnoClusterDbContext db, TimeProvider clock, MailSignal signal)
{
    public async Task<Result> RunAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return Problem.NotFound();
        }

        if (!message.Retry(clock.GetUtcNow()))
        {
            return Problem.Conflict($"只有投递失败的邮件可以重发，此邮件为 {message.Status} (only a dead letter can be retried; this one is {message.Status})");
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return Result.Ok();
    }
}
