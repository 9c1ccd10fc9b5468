using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

public sealed class UsersVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["users"];

    public string Usage => "users add --role ROLE[,ROLE2] EMAIL [--name NAME] [--enterprise ID] [--department UNIT] | users list | users deactivate EMAIL | users unlock EMAIL"
        + " | users roles EMAIL --role ROLE[,ROLE2] | users reset-second-factor EMAIL | users requests | users approve REQUEST_ID | users reject REQUEST_ID [--reason TEXT]";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<Accounts>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        switch (command.Word(1))
        {
            case "add" when command.Word(2) is { } email:
                var roles = command.Options.TryGetValue("role", out var role) && role is not null ? role.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
                int? enterprise = int.TryParse(command.Option("enterprise"), out var e) ? e : null;
                var result = await accounts.CreateAsync(
                    new Accounts.NewAccount(email, command.Option("name") ?? "", roles, enterprise, command.Option("department"), command.Option("organisation")), cancellationToken);
                if (result.Value is not { } created)
                {
                    foreach (var error in result.Problem!.AsFieldErrors())
                    {
                        await output.WriteLineAsync("ERROR " + error.Message);
                    }

                    return 1;
                }

                await output.WriteLineAsync($"Created {email} ({string.Join(", ", roles)}). Give this one-time link to the person; it sets the password and expires:");
                await output.WriteLineAsync(created.SetPasswordLink);
                return 0;
            case "list":
                foreach (var account in await services.GetRequiredService<ListAccounts>().RunAsync(cancellationToken))
                {
                    await output.WriteLineAsync($"{account.Email}\t{string.Join(",", account.Roles)}\t{(account.Active ? "active" : "inactive")}{(account.LockedOut ? " locked" : "")}\t{(account.HasTotp ? "TOTP" : "no second factor")}");
                }

                return 0;
            case "deactivate" when command.Word(2) is { } email:
                var user = await users.FindByEmailAsync(email);
                return user is not null && (await services.GetRequiredService<DeactivateAccount>().RunAsync(user.Id, cancellationToken)).Succeeded ? 0 : 1;
            case "unlock" when command.Word(2) is { } email:
                var locked = await users.FindByEmailAsync(email);
                return locked is not null && (await services.GetRequiredService<UnlockAccount>().RunAsync(locked.Id, cancellationToken)).Succeeded ? 0 : 1;
            case "roles" when command.Word(2) is { } email && await users.FindByEmailAsync(email) is { } target:
                var wanted = command.Option("role")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
                var changed = await services.GetRequiredService<ChangeRoles>().RunAsync(AdminActor.Console, target.Id, new ChangeRoles.Request(wanted, null), cancellationToken);
                return await ReportAsync(output, changed.Problem, $"{email}: {string.Join(", ", wanted)}");
            case "reset-second-factor" when command.Word(2) is { } email && await users.FindByEmailAsync(email) is { } target:
                var reset = await services.GetRequiredService<ResetSecondFactor>().RunAsync(AdminActor.Console, target.Id, cancellationToken);
                return await ReportAsync(output, reset.Problem, $"{email}: authenticator removed, sessions and tokens ended; the person enrols again at the next sign-in.");
            case "requests":
                foreach (var pending in await services.GetRequiredService<DecideRoleRequest>().ListAsync(RoleRequestStatus.Pending, cancellationToken))
                {
                    var account = await users.FindByIdAsync(pending.UserId);
                    await output.WriteLineAsync($"{pending.Id}\t{account?.Email}\t{pending.Role}\tasked by {pending.RequestedBy} at {pending.RequestedAt:yyyy-MM-dd HH:mm}");
                }

                return 0;
            case "approve" or "reject" when int.TryParse(command.Word(2), out var requestId):
                var decided = await services.GetRequiredService<DecideRoleRequest>().RunAsync(AdminActor.Console, requestId, command.Word(1) == "approve", command.Option("reason"), cancellationToken);
                return await ReportAsync(output, decided.Problem, $"request {requestId}: {decided.Value?.Status}");
            default:
                await output.WriteLineAsync("Usage: " + Usage);
                return 2;
        }
    }

    private static async Task<int> ReportAsync(TextWriter output, InnoCluster.Infrastructure.UseCases.Problem? problem, string done)
    {
        await output.WriteLineAsync(problem is null ? done : "ERROR " + problem.Message);
        return problem is null ? 0 : 1;
    }
}

public sealed class TokensVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["tokens"];

    public string Usage => "tokens create EMAIL [--expires DAYS] [--name NAME] | tokens list EMAIL | tokens revoke EMAIL ID";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var tokens = services.GetRequiredService<PersonalAccessTokens>();
        var user = command.Word(2) is { } email ? await users.FindByEmailAsync(email) : null;
        if (user is null || !user.IsActive)
        {
            await output.WriteLineAsync("Usage: " + Usage + " (the account must exist and be active)");
            return 2;
        }

        switch (command.Word(1))
        {
            case "create":
                var days = int.TryParse(command.Option("expires"), out var d) ? d : 90;
                var created = await tokens.CreateAsync(user.Id, command.Option("name") ?? "CLI", days, cancellationToken);
                await output.WriteLineAsync($"Token {created.Id} for {user.Email}, expires {created.ExpiresAt:yyyy-MM-dd}. It is shown once; store it now:");
                await output.WriteLineAsync(created.Token);
                return 0;
            case "list":
                foreach (var token in await tokens.ListAsync(user.Id, cancellationToken))
                {
                    await output.WriteLineAsync($"{token.Id}\t{token.Name}\t{token.Prefix}…\texpires {token.ExpiresAt:yyyy-MM-dd}\t{(token.RevokedAt is null ? "active" : "revoked")}");
                }

                return 0;
            case "revoke" when int.TryParse(command.Word(3), out var id):
                return await tokens.RevokeAsync(user.Id, id, cancellationToken) ? 0 : 1;
            default:
                await output.WriteLineAsync("Usage: " + Usage);
                return 2;
        }
    }
}

public sealed class AuditVerb : ICliVerb
{
    public const int MinimumRetentionDays = 180;

    public IReadOnlyList<string> Words { get; } = ["audit"];

    public string Usage => "audit verify | audit anchor | audit purge --before YYYY-MM-DD   (rows younger than 180 days are never purged)";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<InnoClusterDbContext>();
        switch (command.Word(1))
        {
            case "anchor":
                var anchor = await services.GetRequiredService<AuditAnchors>().WriteAsync(db, cancellationToken);
                await output.WriteLineAsync(anchor is null
                    ? "The audit trail is empty: nothing to anchor."
                    : $"Anchored sequence {anchor.Sequence} ({anchor.Rows} rows) in {services.GetRequiredService<AuditAnchors>().File}.");
                return 0;
            case "verify":
                var result = await services.GetRequiredService<AuditChain>().VerifyAsync(db, cancellationToken);
                foreach (var problem in result.Problems)
                {
                    await output.WriteLineAsync("BROKEN " + problem);
                }

                await output.WriteLineAsync(result.Intact
                    ? $"Audit trail intact: {result.Rows} rows, sequence {result.FirstSequence}–{result.LastSequence}."
                    : $"Audit trail BROKEN: {result.Problems.Count} problems in {result.Rows} rows.");
                await output.WriteLineAsync($"Checked against {result.Anchors} anchors in {services.GetRequiredService<AuditAnchors>().File}; key from {services.GetRequiredService<AuditKey>().Source}.");
                return result.Intact ? 0 : 1;
            case "purge" when DateOnly.TryParse(command.Option("before"), System.Globalization.CultureInfo.InvariantCulture, out var before):
                var clock = services.GetRequiredService<TimeProvider>();
                var limit = clock.GetUtcNow().AddDays(-MinimumRetentionDays);
                var cutoff = new DateTimeOffset(before.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                if (cutoff > limit)
                {
                    await output.WriteLineAsync($"Refused: rows younger than {MinimumRetentionDays} days (after {limit:yyyy-MM-dd}) must be kept (Cybersecurity Law art. 21).");
                    return 1;
                }

                var last = await db.Set<AuditEntry>().Where(e => e.At < cutoff).OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                if (last is null)
                {
                    await output.WriteLineAsync("Nothing to purge.");
                    return 0;
                }

                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    var deleted = await db.Set<AuditEntry>().Where(e => e.Sequence <= last.Sequence).ExecuteDeleteAsync(cancellationToken);
                    services.GetRequiredService<AuditTrail>().Add(AuditChain.PurgeAction, "audit_entries", null, "ok", $"through={last.Sequence};hash={last.Hash}");
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    await output.WriteLineAsync($"Purged {deleted} rows through sequence {last.Sequence}.");
                }

                return 0;
            default:
                await output.WriteLineAsync("Usage: " + Usage);
                return 2;
        }
    }
}
