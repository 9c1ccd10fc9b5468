using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using InnoCluster.Tests.Mail;
using InnoCluster.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Workspace;

/// <summary>
/// The workspace over HTTP with mail through a real SMTP server: a person claims a firm and is admitted; a second
/// claim goes to the owner; a confirmed clause reaches the firm's members once, in the notification centre and the
/// digest; an unsubscribed person and a member who left get nothing more.
/// </summary>
public abstract class WorkspaceTests<TTarget>(MailTestApp<TTarget> app) : DatabaseTests<TTarget>(app)
    where TTarget : DatabaseTarget, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int serial = 73_000_000;

    private async Task<(int Id, string Code, string Name)> FirmAsync(Action<Enterprise>? shape = null)
    {
        var code = CreditCodes.Valid(Interlocked.Increment(ref serial) + Random.Shared.Next(0, 900_000));
        var name = $"工作台测试{Guid.NewGuid():N}"[..13];
        var id = await app.WithDbAsync(async db =>
        {
            var firm = new Enterprise { Name = name, CreditCode = code, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
            shape?.Invoke(firm);
            db.Add(firm);
            await db.SaveChangesAsync(Ct);
            return firm.Id;
        });
        return (id, code, name);
    }

    private async Task<(TestUsers.Account Account, HttpClient Client)> PersonAsync(params string[] roles)
    {
        var account = await TestUsers.CreateAsync(app, roles);
        return (account, await TestUsers.TokenClientAsync(app, account));
    }

    /// <summary>A claim as the form posts it: the code, a note and (unless left out) a PDF as the proof.</summary>
    private static async Task<HttpResponseMessage> PostClaimAsync(HttpClient client, string code, bool withProof = true, byte[]? proof = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(code), "creditCode" }, { new StringContent("总经理办公室"), "note" } };
        if (withProof)
        {
            form.Add(new ByteArrayContent(proof ?? "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray()), "proof", "营业执照.pdf");
        }

        return await client.PostAsync("/api/claims", form, Ct);
    }

    private static async Task<JsonNode> ClaimAsync(HttpClient client, string code, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var claimed = await PostClaimAsync(client, code);
        var body = await claimed.Content.ReadAsStringAsync(Ct);
        Assert.True(claimed.StatusCode == expected, body);
        return JsonNode.Parse(body)!;
    }

    private async Task<HttpClient> OfficialAsync() => (await PersonAsync(Roles.Official)).Client;

    [Fact]
    public async Task APersonClaimsAFirm_TheOfficeApproves_AndTheyActForIt_AsItsOwner_WithTheDecisionMailed()
    {
        var firm = await FirmAsync();
        var (person, client) = await PersonAsync();
        var claim = await ClaimAsync(client, firm.Code.ToLowerInvariant());
        Assert.Equal(("Pending", firm.Id, false), (claim["status"]!.GetValue<string>(), claim["enterpriseId"]!.GetValue<int>(), claim["toOwner"]!.GetValue<bool>()));

        var official = await OfficialAsync();
        var queue = await official.GetFromJsonAsync<JsonArray>("/api/claims?status=Pending", Ct);
        Assert.Contains(queue!, c => c!["id"]!.GetValue<int>() == claim["id"]!.GetValue<int>());
        using var proof = await official.GetAsync($"/api/claims/{claim["id"]}/proof", Ct);
        Assert.Equal(HttpStatusCode.OK, proof.StatusCode);
        using var approved = await official.PostAsJsonAsync($"/api/claims/{claim["id"]}/approve", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var me = await client.GetFromJsonAsync<JsonObject>("/api/me/workspace", Ct);
        Assert.Equal((firm.Id, true), (me!["firm"]!["id"]!.GetValue<int>(), me["firm"]!["isOwner"]!.GetValue<bool>()));
        Assert.NotNull(me["policies"]);
        var mail = await app.Sink.WaitForAsync(m => m.Contains($"X-RcptTo: {person.Email}", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(m, @"List-Unsubscribe:\s+<http[^>]+/unsubscribe\?token=[0-9a-f]{40}>"));
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", mail, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Subject == "firm_claims" && a.SubjectId == claim["id"]!.ToString()).Select(a => a.Action).ToListAsync(Ct));
        Assert.Contains("firm-claimed", audited);
        Assert.Contains("firm-claim-approved", audited);

        using var again = await official.PostAsJsonAsync($"/api/claims/{claim["id"]}/reject", new { reason = "再次处理" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ASecondClaim_GoesToTheOwner_WhoMustSayWhyWhenRejecting_AndTheClaimantReadsIt()
    {
        var firm = await FirmAsync();
        var (_, ownerClient) = await PersonAsync();
        var first = await ClaimAsync(ownerClient, firm.Code);
        var official = await OfficialAsync();
        (await official.PostAsJsonAsync($"/api/claims/{first["id"]}/approve", new { }, Ct)).Dispose();

        var (_, secondClient) = await PersonAsync();
        var second = await ClaimAsync(secondClient, firm.Code);
        Assert.True(second["toOwner"]!.GetValue<bool>());
        var waiting = await ownerClient.GetFromJsonAsync<JsonObject>("/api/me/workspace", Ct);
        Assert.Contains(waiting!["claimsToDecide"]!.AsArray(), c => c!["id"]!.GetValue<int>() == second["id"]!.GetValue<int>());
        Assert.Contains(waiting["notices"]!["items"]!.AsArray(), n => n!["title"]!.GetValue<string>().Contains("申请成为", StringComparison.Ordinal));

        using var bare = await ownerClient.PostAsJsonAsync($"/api/claims/{second["id"]}/reject", new { }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        using var rejected = await ownerClient.PostAsJsonAsync($"/api/claims/{second["id"]}/reject", new { reason = "本公司无此员工" }, Ct);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var mine = await secondClient.GetFromJsonAsync<JsonArray>("/api/claims", Ct);
        Assert.Equal(("Rejected", "本公司无此员工"), (mine![0]!["status"]!.GetValue<string>(), mine[0]!["reason"]!.GetValue<string>()));
        var me = await secondClient.GetFromJsonAsync<JsonObject>("/api/me/workspace", Ct);
        Assert.Null(me!["firm"]);

        var (_, stranger) = await PersonAsync();
        using var peek = await stranger.GetAsync($"/api/claims/{second["id"]}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
    }

    [Fact]
    public async Task AnAddressAtTheFirmsDomain_IsAdmittedAtOnce_AndOnlyTheOfficeSetsTheDomain()
    {
        var firm = await FirmAsync();
        var official = await OfficialAsync();
        using var set = await official.PatchAsJsonAsync($"/api/enterprises/{firm.Id}/profile", new { mailDomain = "@Example.TEST" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal("example.test", await app.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.Id == firm.Id).Select(e => e.MailDomain).SingleAsync(Ct)));

        var (_, client) = await PersonAsync();
        using var claimed = await PostClaimAsync(client, firm.Code, withProof: false);
        var claim = JsonNode.Parse(await claimed.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(("Approved", true), (claim["status"]!.GetValue<string>(), claim["byMailDomain"]!.GetValue<bool>()));

        using var byFirm = await client.PatchAsJsonAsync($"/api/enterprises/{firm.Id}/profile", new { mailDomain = "attacker.example" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, byFirm.StatusCode);
        using var notADomain = await official.PatchAsJsonAsync($"/api/enterprises/{firm.Id}/profile", new { mailDomain = "not a domain" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notADomain.StatusCode);
    }

    [Fact]
    public async Task BadClaims_AreRefused_NamingTheField()
    {
        var firm = await FirmAsync();
        var (_, client) = await PersonAsync();
        async Task<(HttpStatusCode, string)> Try(string code, bool withProof = true, byte[]? proof = null)
        {
            using var response = await PostClaimAsync(client, code, withProof, proof);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        var (status, body) = await Try("91320594MA1");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("creditCode", body, StringComparison.Ordinal);
        (status, body) = await Try(CreditCodes.Valid(79_999_999));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("creditCode", body, StringComparison.Ordinal);
        (status, body) = await Try(firm.Code, withProof: false);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("proofFileId", body, StringComparison.Ordinal);
        (status, body) = await Try(firm.Code, proof: "MZ\u0090\u0000 not a licence"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("proof", body, StringComparison.Ordinal);
        Assert.Empty(await client.GetFromJsonAsync<JsonArray>("/api/claims", Ct) ?? []);

        using var byOfficial = await PostClaimAsync(await OfficialAsync(), firm.Code);
        Assert.Equal(HttpStatusCode.Conflict, byOfficial.StatusCode);
        await ClaimAsync(client, firm.Code);
        await ClaimAsync(client, firm.Code, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AConfirmedClause_ReachesTheFirmsMembersOnce_InTheCentreAndTheDigest_AndNotThoseWhoLeftOrUnsubscribed()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var firm = await FirmAsync(f => f.Tiers.Add(new EnterpriseTier { Tier = Tier.HighTech, Year = 2024 }));
        var official = await OfficialAsync();
        var (owner, ownerClient) = await PersonAsync();
        (await official.PostAsJsonAsync($"/api/claims/{(await ClaimAsync(ownerClient, firm.Code))["id"]}/approve", new { }, Ct)).Dispose();
        var (leaver, leaverClient) = await PersonAsync();
        (await official.PostAsJsonAsync($"/api/claims/{(await ClaimAsync(leaverClient, firm.Code))["id"]}/approve", new { }, Ct)).Dispose();
        var (quiet, quietClient) = await PersonAsync();
        (await official.PostAsJsonAsync($"/api/claims/{(await ClaimAsync(quietClient, firm.Code))["id"]}/approve", new { }, Ct)).Dispose();

        using (var left = await leaverClient.DeleteAsync($"/api/enterprises/{firm.Id}/members/{leaver.Id}", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        }

        var token = await app.WithDbAsync(db => db.Set<MailPreference>().Where(p => p.UserId == quiet.Id).Select(p => p.Token).SingleAsync(Ct));
        using (var unsubscribed = await app.CreateClient().PostAsync($"/unsubscribe?token={token}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        }

        var title = $"工作台高企奖励{tag}";
        using var created = await official.PostAsJsonAsync("/api/clauses", new { title, method = "Award", cap = 500_000m, conditions = new[] { new { field = "tier", @operator = "in", value = "high-tech" } }, status = "Confirmed" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clauseId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
        var notice = await WaitForNoticeAsync(ownerClient, title);
        Assert.Equal($"/clauses/{clauseId}", notice["link"]!.GetValue<string>());
        await WaitForNoticeAsync(quietClient, title);

        using (var edited = await official.PutAsJsonAsync($"/api/clauses/{clauseId}", new { title = title + "（修订）" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        await app.WithDbAsync(async db =>
        {
            await WaitUntilAsync(async () => !await db.Set<InnoCluster.Infrastructure.Jobs.BackgroundJob>().AnyAsync(j => j.Kind == PushJob.KindName && j.FinishedAt == null, Ct));
            return 0;
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == owner.Id && n.Key == $"clause:{clauseId}", Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == leaver.Id && n.Key == $"clause:{clauseId}", Ct)));

        using var sent = await official.PostAsync("/api/digests/send", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var job = await Jobs.WaitAsync(official, sent.Headers.Location!.OriginalString, TimeSpan.FromSeconds(60));
        Assert.Equal("Succeeded", job["state"]!.GetValue<string>());
        var digest = await app.Sink.WaitForAsync(m => m.Contains($"X-RcptTo: {owner.Email}", StringComparison.Ordinal) && m.Contains("new notices", StringComparison.Ordinal));
        Assert.Contains($"/clauses/{clauseId}", digest, StringComparison.Ordinal);
        Assert.Contains("/unsubscribe?token=", digest, StringComparison.Ordinal);
        await app.FlushMailAsync();
        Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.To == quiet.Email && m.Subject.Contains("new notices"), Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.To == leaver.Email && m.Subject.Contains("new notices"), Ct)));

        using var again = await official.PostAsync("/api/digests/send", null, Ct);
        await Jobs.WaitAsync(official, again.Headers.Location!.OriginalString, TimeSpan.FromSeconds(60));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.To == owner.Email && m.Subject.Contains("new notices"), Ct)));

        using var read = await ownerClient.PostAsync($"/api/me/notifications/{notice["id"]}/read", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        using var othersRead = await quietClient.PostAsync($"/api/me/notifications/{notice["id"]}/read", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, othersRead.StatusCode);
    }

    [Fact]
    public async Task AFollowedSearch_BringsWhatAppearsLater_IntoTheDigest_Once()
    {
        var word = "关注词" + Guid.NewGuid().ToString("N")[..6];
        var (person, client) = await PersonAsync();
        await AddDemandAsync($"已有需求{word}");
        using (var followed = await client.PostAsJsonAsync("/api/me/subscriptions", new { kind = "demands", query = $"q={Uri.EscapeDataString(word)}" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, followed.StatusCode);
        }

        using (var twice = await client.PostAsJsonAsync("/api/me/subscriptions", new { kind = "demands", query = $"q={Uri.EscapeDataString(word)}" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        using (var unknown = await client.PostAsJsonAsync("/api/me/subscriptions", new { kind = "weather", query = "q=x" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        var newcomer = await AddDemandAsync($"新发布需求{word}");
        var official = await OfficialAsync();
        foreach (var round in new[] { 1, 2 })
        {
            using var sent = await official.PostAsync("/api/digests/send", null, Ct);
            Assert.Equal("Succeeded", (await Jobs.WaitAsync(official, sent.Headers.Location!.OriginalString, TimeSpan.FromSeconds(60)))["state"]!.GetValue<string>());
        }

        var told = await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == person.Id && n.Kind == NoticeKind.Search).ToListAsync(Ct));
        Assert.Equal($"/demands/{newcomer}", Assert.Single(told).Link);
        Assert.Contains($"新发布需求{word}", told[0].Title, StringComparison.Ordinal);
        var digest = await app.Sink.WaitForAsync(m => m.Contains($"X-RcptTo: {person.Email}", StringComparison.Ordinal) && m.Contains($"/demands/{newcomer}", StringComparison.Ordinal));
        Assert.DoesNotContain("已有需求", digest, StringComparison.Ordinal);

        var list = await client.GetFromJsonAsync<JsonArray>("/api/me/subscriptions", Ct);
        using var removed = await client.DeleteAsync($"/api/me/subscriptions/{list![0]!["id"]}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>("/api/me/subscriptions", Ct))!);
    }

    [Fact]
    public async Task ErasingAPersonsData_RemovesTheirNoticesAndSearches_AndUnnamesTheirClaims()
    {
        var firm = await FirmAsync();
        var (person, client) = await PersonAsync();
        var claim = await ClaimAsync(client, firm.Code);
        (await (await OfficialAsync()).PostAsJsonAsync($"/api/claims/{claim["id"]}/approve", new { }, Ct)).Dispose();
        (await client.PostAsJsonAsync("/api/me/subscriptions", new { kind = "demands", query = "q=擦除测试" }, Ct)).Dispose();
        Assert.True(await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == person.Id, Ct)));

        using var erased = await client.PostAsync("/api/me/personal-data/erase", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == person.Id, Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<SavedSearch>().AnyAsync(s => s.UserId == person.Id, Ct)));
        var kept = await app.WithDbAsync(db => db.Set<FirmClaim>().SingleAsync(c => c.Id == claim["id"]!.GetValue<int>(), Ct));
        Assert.Equal((WorkspacePersonalData.Erased, "", ClaimStatus.Approved), (kept.ClaimantName, kept.ClaimantEmail, kept.Status));
    }

    [Fact]
    public async Task ADraftApplication_ForACallClosingWithinThreeDays_IsRemindedOnce_AtOnce()
    {
        var firm = await FirmAsync();
        var (person, client) = await PersonAsync();
        (await (await OfficialAsync()).PostAsJsonAsync($"/api/claims/{(await ClaimAsync(client, firm.Code))["id"]}/approve", new { }, Ct)).Dispose();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (soon, later) = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var calls = new[] { (Title: $"两天后截止{tag}", Closes: now.AddDays(2)), (Title: $"十天后截止{tag}", Closes: now.AddDays(10)) }.Select(c => new Features.Calls.Call
            {
                Title = c.Title, Summary = "提醒测试", Kind = Features.Calls.CallKind.Solicitation, Programme = Features.Calls.CallProgramme.DemonstrationProject,
                Status = Features.Calls.CallStatus.Published, OpensAt = now.AddDays(-5), ClosesAt = c.Closes, CreatedBy = "test", CreatedAt = now,
            }).ToList();
            db.AddRange(calls);
            await db.SaveChangesAsync(Ct);
            var applications = calls.Select(c => new Features.Calls.CallApplication { CallId = c.Id, EnterpriseId = firm.Id, EnterpriseName = firm.Name, ProjectTitle = "未提交的项目", CreatedById = person.Id, CreatedAt = now }).ToList();
            db.AddRange(applications);
            await db.SaveChangesAsync(Ct);
            return (applications[0].Id, applications[1].Id);
        });

        var official = await OfficialAsync();
        foreach (var round in new[] { 1, 2 })
        {
            using var sent = await official.PostAsync("/api/digests/send", null, Ct);
            await Jobs.WaitAsync(official, sent.Headers.Location!.OriginalString, TimeSpan.FromSeconds(60));
        }

        var reminders = await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == person.Id && n.Kind == NoticeKind.Deadline).ToListAsync(Ct));
        var reminder = Assert.Single(reminders);
        Assert.Equal(($"/calls/applications/{soon}", true), (reminder.Link, reminder.Urgent));
        Assert.DoesNotContain(reminders, r => r.Link.EndsWith($"/{later}", StringComparison.Ordinal));
        await app.Sink.WaitForAsync(m => m.Contains($"X-RcptTo: {person.Email}", StringComparison.Ordinal) && m.Contains($"/calls/applications/{soon}", StringComparison.Ordinal));
    }

    private Task<int> AddDemandAsync(string title) => app.WithDbAsync(async db =>
    {
        var demand = new Features.Scenarios.Demand
        {
            Title = title, Problem = "需要视觉检测", Status = Features.Scenarios.DemandStatus.Published,
            Source = new InnoCluster.Infrastructure.Provenance { Kind = InnoCluster.Infrastructure.ProvenanceKind.Manual, Source = "test" },
            CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(),
        };
        db.Add(demand);
        await db.SaveChangesAsync(Ct);
        return demand.Id;
    });

    private static async Task<JsonNode> WaitForNoticeAsync(HttpClient client, string title)
    {
        JsonNode? found = null;
        await WaitUntilAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonObject>("/api/me/notifications", Ct);
            found = page!["items"]!.AsArray().FirstOrDefault(n => n!["title"]!.GetValue<string>().Contains(title, StringComparison.Ordinal));
            return found is not null;
        });
        return found!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew(); // wall time: the app's clock is fake
        while (!await done())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "not done after 30 s");
            await Task.Delay(100, Ct);
        }
    }
}

public sealed class SqliteWorkspaceTests(MailTestApp<SqliteTarget> app) : WorkspaceTests<SqliteTarget>(app), IClassFixture<MailTestApp<SqliteTarget>>;

public sealed class PostgresWorkspaceTests(MailTestApp<PostgresTarget> app) : WorkspaceTests<PostgresTarget>(app), IClassFixture<MailTestApp<PostgresTarget>>;
