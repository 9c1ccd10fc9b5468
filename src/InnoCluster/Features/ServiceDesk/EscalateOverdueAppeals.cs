using System.Globalization;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// 督办: every request past the deadline of the stage it is in is escalated once for that deadline — a step
/// in its history, a mail to the lead unit's accounts (or, while it waits for the desk, to no unit) and to
/// the desk's officials. Run daily by the platform (ServiceDesk:EscalateAt) and on demand by the desk.
/// </summary>
public sealed class EscalateOverdueAppeals(InnoClusterDbContext db, IAccountDirectory accounts, IMessageOutbox outbox, TimeProvider clock)
{
    public sealed record Escalated(int Appeals, int Messages);

    public async Task<Escalated> RunAsync(string by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var desk = new AppealActor("", by, true, null, null, now);
        var overdue = await db.Set<Appeal>().Include(a => a.Steps).Where(Appeal.OverdueAt(now)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var escalated = overdue.Where(a => a.Escalate(desk)).ToList();
        if (escalated.Count == 0)
        {
            return new Escalated(0, 0);
        }

        await db.SaveChangesAsync(cancellationToken);
        var officials = await accounts.EmailsOfRoleAsync(Roles.Official, cancellationToken);
        var units = await accounts.EmailsOfUnitsAsync([.. escalated.Select(a => a.LeadUnit).OfType<string>().Distinct()], cancellationToken);
        var messages = 0;
        foreach (var appeal in escalated)
        {
            var due = WorkingCalendar.DayEnding(appeal.CurrentDueAt!.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var subject = $"【督办】企业诉求 #{appeal.Id}「{appeal.Topic}」已逾期";
            var body = $"{appeal.EnterpriseName}的诉求「{appeal.Topic}」{(appeal.LeadUnit is null ? "尚未受理交办" : $"由{appeal.LeadUnit}牵头办理")}，本环节应于{due}办完，现已逾期。\n请尽快办理：/appeals/{appeal.Id}";
            foreach (var to in officials.Concat(appeal.LeadUnit is { } unit ? units[unit] : []).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                await outbox.SendAsync(to, subject, body, cancellationToken);
                messages++;
            }
        }

        return new Escalated(escalated.Count, messages);
    }
}

/// <summary>The day's 督办 as a job.</summary>
public sealed class AppealEscalationJob : JobKind<object, EscalateOverdueAppeals.Escalated>
{
    public const string KindName = "appeal-escalation";

    public override string Name => KindName;

    public override string Title => Ui.L("逾期诉求督办", "Overdue requests escalated");

    protected override Task<EscalateOverdueAppeals.Escalated> RunAsync(object parameters, JobRun run, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<EscalateOverdueAppeals>().RunAsync("督办 (scheduled)", cancellationToken);
}

/// <summary>When the platform escalates overdue requests by itself (section "ServiceDesk"): a local time of day, off when empty.</summary>
public sealed class ServiceDeskOptions
{
    public DailyTime Escalate { get; set; } = new();
}

public sealed class AppealEscalationSchedule(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ServiceDeskOptions> options, Infrastructure.Seeding.DatabasePreparation preparation, ILogger<AppealEscalationSchedule> logger)
    : DailyJobSchedule(scopes, clock, preparation, logger)
{
    protected override string Kind => AppealEscalationJob.KindName;

    protected override DailyTime When => options.Value.Escalate;
}
