using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.SecurityTests;

/// <summary>
/// MLPS 三员分立 (issue 22): nobody grants a role to themselves, the three administrator roles are never
/// held by one account, and an administrator role is granted only when a second administrator approves.
/// </summary>
public abstract class SeparationOfDutiesTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected SeparationOfDutiesTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IList<string>> RolesOfAsync(string id)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(id))!);
    }

    [Fact]
    public async Task SecurityAdmin_GrantingItselfAuditAdmin_IsRefused_AndCannotReadTheAuditLog()
    {
        var admin = await TestUsers.CreateAsync(app, [Roles.SecurityAdmin]);
        var client = await TestUsers.TokenClientAsync(app, admin);

        using var grant = await client.PutAsJsonAsync($"/api/users/{admin.Id}/roles", new { roles = new[] { Roles.SecurityAdmin, Roles.AuditAdmin } }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, grant.StatusCode);
        using var alone = await client.PutAsJsonAsync($"/api/users/{admin.Id}/roles", new { roles = new[] { Roles.AuditAdmin } }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, alone.StatusCode);

        Assert.Equal([Roles.SecurityAdmin], await RolesOfAsync(admin.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit", Ct)).StatusCode);
        Assert.Empty(await app.WithDbAsync(db => db.Set<RoleRequest>().Where(r => r.UserId == admin.Id).ToListAsync(Ct)));
    }

    [Fact]
    public async Task OneAccount_WithTwoAdministratorRoles_IsRefusedEverywhere()
    {
        var admin = await TestUsers.CreateAsync(app, [Roles.SecurityAdmin]);
        var client = await TestUsers.TokenClientAsync(app, admin);

        using var created = await client.PostAsJsonAsync("/api/users", new { email = $"all-three-{Guid.NewGuid():N}@example.test", roles = new[] { Roles.SystemAdmin, Roles.SecurityAdmin, Roles.AuditAdmin } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("不同的人", await created.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var securityAdmin = await TestUsers.CreateAsync(app, [Roles.SecurityAdmin]);
        using var second = await client.PutAsJsonAsync($"/api/users/{securityAdmin.Id}/roles", new { roles = new[] { Roles.SecurityAdmin, Roles.SystemAdmin } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal([Roles.SecurityAdmin], await RolesOfAsync(securityAdmin.Id));

        // The console enforces it too.
        await using var scope = app.Scope();
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["users"]));
        var output = new StringWriter();
        var code = await verb.RunAsync(CliCommand.Parse(["users", "add", "--role", "SecurityAdmin,AuditAdmin", $"cli-{Guid.NewGuid():N}@example.test"])!, scope.ServiceProvider, output, Ct);
        Assert.Equal(1, code);
        Assert.Contains("不同的人", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorRole_WaitsForASecondAdministrator_WhoIsNeitherTheRequesterNorTheTarget()
    {
        var first = await TestUsers.CreateAsync(app, [Roles.SecurityAdmin]);
        var second = await TestUsers.CreateAsync(app, [Roles.SecurityAdmin]);
        var firstClient = await TestUsers.TokenClientAsync(app, first);
        var secondClient = await TestUsers.TokenClientAsync(app, second);

        using var created = await firstClient.PostAsJsonAsync("/api/users", new { email = $"auditor-{Guid.NewGuid():N}@example.test", displayName = "审计员", roles = new[] { Roles.AuditAdmin } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var auditorId = body["id"]!.GetValue<string>();
        var requestId = body["pending"]![0]!["id"]!.GetValue<int>();
        Assert.Empty(await RolesOfAsync(auditorId));

        using (var own = await firstClient.PostAsync($"/api/role-requests/{requestId}/approve", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        Assert.Empty(await RolesOfAsync(auditorId));
        using (var approved = await secondClient.PostAsync($"/api/role-requests/{requestId}/approve", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        Assert.Equal([Roles.AuditAdmin], await RolesOfAsync(auditorId));
        using (var twice = await secondClient.PostAsync($"/api/role-requests/{requestId}/reject", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        var granted = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "role-granted" && e.SubjectId == auditorId).Select(e => e.Detail).ToListAsync(Ct));
        Assert.Contains(granted, d => d!.Contains("approved by", StringComparison.Ordinal) && d.Contains(second.Email, StringComparison.Ordinal));

        // A security administrator made an administrator of another kind: the request is refused at approval,
        // and an ordinary role applies at once.
        using var change = await firstClient.PutAsJsonAsync($"/api/users/{second.Id}/roles", new { roles = new[] { Roles.Official } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal([Roles.Official], await RolesOfAsync(second.Id));
    }

    [Fact]
    public async Task TheTarget_CannotApproveARoleForThemselves_AndAnApprovalThatWouldJoinTwoAdminRolesIsRefused()
    {
        var first = await TestUsers.CreateAsync(app, [Roles.SecurityAdmin]);
        var second = await TestUsers.CreateAsync(app, [Roles.SecurityAdmin]);
        var third = await TestUsers.CreateAsync(app, [Roles.SecurityAdmin]);
        var firstClient = await TestUsers.TokenClientAsync(app, first);
        var secondClient = await TestUsers.TokenClientAsync(app, second);
        var thirdClient = await TestUsers.TokenClientAsync(app, third);

        // first asks to make second the system administrator instead of a security administrator.
        using var asked = await firstClient.PutAsJsonAsync($"/api/users/{second.Id}/roles", new { roles = new[] { Roles.SystemAdmin } }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["pending"]![0]!["id"]!.GetValue<int>();
        Assert.Empty(await RolesOfAsync(second.Id));

        using (var self = await secondClient.PostAsync($"/api/role-requests/{requestId}/approve", null, Ct))
        {
            // second no longer holds SecurityAdmin: the policy keeps it out.
            Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        }

        // Meanwhile the console made second an audit administrator: approving SystemAdmin now would join two.
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(second.Id))!, Roles.AuditAdmin);
        }

        using var conflict = await thirdClient.PostAsync($"/api/role-requests/{requestId}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal([Roles.AuditAdmin], await RolesOfAsync(second.Id));

        var pendingList = await thirdClient.GetFromJsonAsync<JsonArray>("/api/role-requests?status=Pending", Ct);
        Assert.Contains(pendingList!, r => r!["id"]!.GetValue<int>() == requestId);
    }
}

public sealed class SqliteSeparationOfDutiesTests(TestApp<SqliteTarget> app) : SeparationOfDutiesTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresSeparationOfDutiesTests(TestApp<PostgresTarget> app) : SeparationOfDutiesTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
