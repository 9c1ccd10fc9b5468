using System.Globalization;
using System.Text;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Plans;

/// <summary>A reminder (催报) sent to a responsible unit about its overdue progress reports.</summary>
public sealed class ReportReminder
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public string Unit { get; set; } = "";

    /// <summary>The quarter whose reports were overdue ("2025-Q4").</summary>
    public string Period { get; set; } = "";

    public int OverdueTasks { get; set; }

    /// <summary>How many of the unit's accounts the message went to; 0 when the unit has none yet.</summary>
    public int Recipients { get; set; }

    public string SentBy { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }
}

internal sealed class ReportReminderConfiguration : IEntityTypeConfiguration<ReportReminder>
{
    public void Configure(EntityTypeBuilder<ReportReminder> b)
    {
        b.ToTable("report_reminders");
        b.HasIndex(r => new { r.PlanId, r.Unit, r.SentAt });
        b.Property(r => r.Unit).HasMaxLength(100);
        b.Property(r => r.Period).HasMaxLength(7);
        b.Property(r => r.SentBy).HasMaxLength(256);
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The cluster office's reminder to units whose reports are overdue: one message per active account of the
/// unit (users whose department is the unit), listing its overdue tasks with links; each unit's reminder is
/// recorded, recipients or not, so the office sees who was reminded and which units have no account yet.
/// </summary>
public sealed class ReportReminders(InnoClusterDbContext db, ListPlanTasks planTasks, IMessageOutbox outbox, IOptions<SiteOptions> site, TimeProvider clock, Identity.IAccountDirectory directory)
{
    public sealed record Sent(string Unit, string Period, int OverdueTasks, int Recipients);

    /// <summary>
    /// Sends the reminders; with <paramref name="notAgainWithin"/>, a unit already reminded of the same period
    /// within that time is skipped (a daily job reminds weekly; an official's button always sends).
    /// </summary>
    public async Task<IReadOnlyList<Sent>?> SendAsync(int planId, string sentBy, CancellationToken cancellationToken, TimeSpan? notAgainWithin = null)
    {
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        var tasks = await planTasks.RunAsync(planId, cancellationToken);
        if (plan is null || tasks is null)
        {
            return null;
        }

        var recent = notAgainWithin is { } interval
            ? (await db.Set<ReportReminder>().AsNoTracking().Where(r => r.PlanId == planId).Select(r => new { r.Unit, r.Period, r.SentAt }).ToListAsync(cancellationToken))
                .Where(r => r.SentAt > clock.GetUtcNow() - interval).Select(r => (r.Unit, r.Period)).ToHashSet()
            : [];
        var overdue = tasks.SelectMany(t => t.ByUnit.Where(u => u.OverduePeriod is not null).Select(u => (u.Unit, Task: t)))
            .GroupBy(x => x.Unit, StringComparer.Ordinal)
            .Where(g => !recent.Contains((g.Key, g.First().Task.ByUnit.First(u => u.Unit == g.Key).OverduePeriod!)))
            .ToList();
        var units = overdue.Select(g => g.Key).ToList();
        var accounts = await directory.EmailsOfUnitsAsync(units, cancellationToken);
        var siteUrl = site.Value.PublicUrl.TrimEnd('/');
        var sent = new List<Sent>();
        foreach (var group in overdue)
        {
            var period = group.First().Task.ByUnit.First(u => u.Unit == group.Key).OverduePeriod!;
            var body = new StringBuilder();
            body.AppendLine(CultureInfo.InvariantCulture, $"{group.Key}：").AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"《{plan.Title}》下列任务 {period} 的进展报告已逾期（季度结束后 {ReportingCalendar.DueDays} 天内报送），请尽快报送：").AppendLine();
            foreach (var (_, task) in group)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- 专栏{task.Code} {task.Title}：{siteUrl}/plans/tasks/{task.Id}");
            }

            body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"（由 {sentBy} 通过 InnoCluster 平台发送）");
            var recipients = accounts[group.Key].ToList();
            foreach (var account in recipients)
            {
                await outbox.SendAsync(account, $"【催报】{plan.Title} {period} 进展报告逾期 {group.Count()} 项", body.ToString(), cancellationToken);
            }

            db.Add(new ReportReminder { PlanId = planId, Unit = group.Key, Period = period, OverdueTasks = group.Count(), Recipients = recipients.Count, SentBy = sentBy, SentAt = clock.GetUtcNow() });
            sent.Add(new Sent(group.Key, period, group.Count(), recipients.Count));
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    /// <summary>The latest reminder per unit of the plan.</summary>
    public async Task<IReadOnlyDictionary<string, ReportReminder>> LatestAsync(int planId, CancellationToken cancellationToken) =>
        (await db.Set<ReportReminder>().AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(cancellationToken))
            .GroupBy(r => r.Unit, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.SentAt).ThenByDescending(r => r.Id).First(), StringComparer.Ordinal);
}

/// <summary>`remind [PLAN_ID]`: the reminders an official sends from the unit view, for a scheduled job (cron) to run daily; each unit hears at most weekly.</summary>
public sealed class RemindVerb : InnoCluster.Infrastructure.Cli.ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["remind"];

    public string Usage => "remind [PLAN_ID] [--force]   send reminders (催报) to units with overdue progress reports (all plans, or one); a unit reminded of the same period in the last 7 days is skipped unless --force";

    public async Task<int> RunAsync(InnoCluster.Infrastructure.Cli.CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<InnoClusterDbContext>();
        List<int> plans;
        if (command.Word(1) is { } word)
        {
            if (!int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                await output.WriteLineAsync($"'{word}' is not a plan id.");
                return 2;
            }

            plans = [id];
        }
        else
        {
            plans = await db.Set<ActionPlan>().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        }

        var reminders = services.GetRequiredService<ReportReminders>();
        foreach (var planId in plans)
        {
            if (await reminders.SendAsync(planId, "remind (scheduled)", cancellationToken, command.Flag("force") ? null : TimeSpan.FromDays(7)) is not { } sent)
            {
                await output.WriteLineAsync($"No plan {planId}.");
                return 1;
            }

            await output.WriteLineAsync($"plan {planId}: {sent.Count} units with overdue reports, {sent.Sum(s => s.Recipients)} messages");
            foreach (var unit in sent)
            {
                await output.WriteLineAsync($"  {unit.Unit}: {unit.OverdueTasks} tasks overdue for {unit.Period}, {unit.Recipients} accounts{(unit.Recipients == 0 ? " (no account: nobody reminded)" : "")}");
            }
        }

        return 0;
    }
}
