using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Workspace;
using InnoCluster.Tests.Infrastructure;
using InnoCluster.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.SecurityTests;

/// <summary>
/// The matrix rows of the workspace: a firm's member never reads or decides a claim on another firm, never sees
/// or changes another firm's members, and never touches another person's notices.
/// </summary>
public abstract partial class ObjectLevelMatrixTests<TTarget>
{
    private static int claimSerial = 74_000_000;

    private Dictionary<string, Func<Owners, Task<Attempt>>> WorkspaceRows => new(StringComparer.Ordinal)
    {
        ["GET /api/claims/{id:int}"] = async o =>
        {
            var claim = await ClaimOnTheirsAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/api/claims/{claim}", Ct), ClaimStillWaiting(claim));
        },
        ["GET /api/claims/{id:int}/proof"] = async o =>
        {
            var claim = await ClaimOnTheirsAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/api/claims/{claim}/proof", Ct), ClaimStillWaiting(claim));
        },
        ["POST /api/claims/{id:int}/approve"] = async o =>
        {
            var claim = await ClaimOnTheirsAsync(o);
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/claims/{claim}/approve", new { }, Ct), ClaimStillWaiting(claim));
        },
        ["POST /api/claims/{id:int}/reject"] = async o =>
        {
            var claim = await ClaimOnTheirsAsync(o);
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/claims/{claim}/reject", new { reason = "越权驳回" }, Ct), ClaimStillWaiting(claim));
        },
        ["POST /api/claims/{id:int}/withdraw"] = async o =>
        {
            var claim = await ClaimOnTheirsAsync(o);
            return new Attempt(await o.Attacker.PostAsync($"/api/claims/{claim}/withdraw", null, Ct), ClaimStillWaiting(claim));
        },
        ["GET /api/enterprises/{id:int}/members"] = async o => new Attempt(await o.Attacker.GetAsync($"/api/enterprises/{o.Theirs}/members", Ct), Nothing),
        ["DELETE /api/enterprises/{id:int}/members/{userId}"] = async o => new Attempt(
            await o.Attacker.DeleteAsync($"/api/enterprises/{o.Theirs}/members/{o.Victim.Id}", Ct),
            async () => Assert.Equal(o.Theirs, await app.WithDbAsync(db => db.Set<AppUser>().Where(u => u.Id == o.Victim.Id).Select(u => u.EnterpriseId).SingleAsync(Ct)))),
        ["POST /api/enterprises/{id:int}/members/{userId}/owner"] = async o => new Attempt(
            await o.Attacker.PostAsync($"/api/enterprises/{o.Theirs}/members/{o.Victim.Id}/owner", null, Ct),
            async () => Assert.False(await app.WithDbAsync(db => db.Set<AppUser>().Where(u => u.Id == o.Victim.Id).Select(u => u.IsEnterpriseOwner).SingleAsync(Ct)))),
        ["DELETE /api/me/subscriptions/{id:int}"] = async o =>
        {
            using var followed = await o.VictimClient.PostAsJsonAsync("/api/me/subscriptions", new { kind = "demands", query = "q=" + Guid.NewGuid().ToString("N")[..8] }, Ct);
            var id = (await followed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
            return new Attempt(await o.Attacker.DeleteAsync($"/api/me/subscriptions/{id}", Ct),
                async () => Assert.True(await app.WithDbAsync(db => db.Set<SavedSearch>().AnyAsync(s => s.Id == id, Ct))));
        },
        ["POST /api/me/notifications/{id:long}/read"] = async o =>
        {
            var notice = await app.WithDbAsync(async db =>
            {
                var n = new Notification { UserId = o.Victim.Id, Key = $"matrix:{Guid.NewGuid():N}", Kind = NoticeKind.Policy, Title = "矩阵测试", TitleEn = "Matrix", Link = "/", CreatedAt = app.Clock.GetUtcNow() };
                db.Add(n);
                await db.SaveChangesAsync(Ct);
                return n.Id;
            });
            return new Attempt(await o.Attacker.PostAsync($"/api/me/notifications/{notice}/read", null, Ct),
                async () => Assert.Null(await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.Id == notice).Select(n => n.ReadAt).SingleAsync(Ct))));
        },
    };

    /// <summary>A third person's claim, with proof, on the victim's firm (which has members, so it also goes to its owner).</summary>
    private async Task<int> ClaimOnTheirsAsync(Owners o)
    {
        var code = CreditCodes.Valid(Interlocked.Increment(ref claimSerial) + Random.Shared.Next(0, 900_000));
        await app.WithDbAsync(async db =>
        {
            var firm = await db.Set<Enterprise>().SingleAsync(e => e.Id == o.Theirs, Ct);
            firm.CreditCode ??= code;
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        var theirCode = await app.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.Id == o.Theirs).Select(e => e.CreditCode!).SingleAsync(Ct));
        var claimant = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, []));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(theirCode), "creditCode" },
            { new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray()), "proof", "licence.pdf" },
        };
        using var filed = await claimant.PostAsync("/api/claims", form, Ct);
        var body = await filed.Content.ReadAsStringAsync(Ct);
        Assert.True(filed.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<int>();
    }

    private Func<Task> ClaimStillWaiting(int claim) => async () =>
        Assert.Equal(ClaimStatus.Pending, await app.WithDbAsync(db => db.Set<FirmClaim>().Where(c => c.Id == claim).Select(c => c.Status).SingleAsync(Ct)));
}
