using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Scenarios;

/// <summary>The marketplace through HTTP on both databases: demands, solutions, explained matches, pins, the pipeline, the funnel and the cases (the seeded cases: ScenarioSeedTests).</summary>
public abstract class MarketplaceTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected MarketplaceTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> EnterpriseAsync(string name, string business, string? chainNode = null) =>
        await app.WithDbAsync(async db =>
        {
            var enterprise = new Enterprise { Name = name + Guid.NewGuid().ToString("N")[..6], Business = business, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
            if (chainNode is not null)
            {
                enterprise.ChainLinks.Add(new EnterpriseChainLink { ChainNodeId = await db.Set<ChainNode>().Where(n => n.Code == chainNode).Select(n => n.Id).SingleAsync(Ct) });
            }

            db.Add(enterprise);
            await db.SaveChangesAsync(Ct);
            await using var scope = app.Scope();
            return enterprise.Id;
        });

    private async Task IndexEnterprisesAsync(params int[] ids)
    {
        await using var scope = app.Scope();
        var indexer = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<EnterpriseSearchIndexer>(scope.ServiceProvider);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<InnoCluster.Infrastructure.Data.InnoClusterDbContext>(scope.ServiceProvider);
        await indexer.IndexAsync(db, ids, Ct);
    }

    private static async Task<JsonNode> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static object Demand(string title, string description, string? sector = "AI+制造", string[]? capabilities = null, string? budget = null, DateOnly? deadline = null, string? contact = null) =>
        new { title, description, sector, capabilities, budget, deadline, contact };

    [Fact]
    public async Task PostScenario_WithABearerToken_CreatesADraftOnlyItsOwnerAndOfficialsSee()
    {
        var owner = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        var created = await CreatedAsync(await owner.PostJsonAsync("/api/scenarios", new { title = "港区集装箱智能理货", description = "码头需要用视觉识别箱号和残损，替代人工理货。", sector = "AI+交通" }));
        var id = created["id"]!.GetValue<int>();

        var mine = await owner.GetJsonAsync($"/api/scenarios/{id}");
        Assert.Equal(("Draft", true), (mine["status"]!.GetValue<string>(), mine["isOwner"]!.GetValue<bool>()));
        await app.CreateClient().GetJsonAsync($"/api/scenarios/{id}", 404);
        var stranger = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        await stranger.GetJsonAsync($"/api/scenarios/{id}", 404);
        using var edit = await stranger.PutAsJsonAsync($"/api/scenarios/{id}", new { title = "改别人的", description = "不行" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        using var own = await owner.PutAsJsonAsync($"/api/scenarios/{id}", new { title = "港区集装箱智能理货（二期）", description = "码头需要用视觉识别箱号和残损。", sector = "AI+交通", budget = "50-100万" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        var edited = await owner.GetJsonAsync($"/api/scenarios/{id}");
        Assert.Equal((500000m, 1000000m), (edited["budgetMin"]!.GetValue<decimal>(), edited["budgetMax"]!.GetValue<decimal>()));
        await app.CreateClient().GetJsonAsync("/api/scenarios", 200);
    }

    [Fact]
    public async Task Publish_InANumberedList_CountsTheListOnTheDashboard()
    {
        var owner = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var list = "测试清单" + Guid.NewGuid().ToString("N")[..6];
        var before = (await app.CreateClient().GetJsonAsync("/api/scenarios/funnel"))["figures"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "lists")!["onPlatform"]!.GetValue<int>();
        foreach (var title in new[] { "清单需求甲", "清单需求乙" })
        {
            var id = (await CreatedAsync(await owner.PostJsonAsync("/api/scenarios", Demand(title, title + "的描述"))))["id"]!.GetValue<int>();
            Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsJsonAsync($"/api/demands/{id}/publish", new { sector = "AI+制造", list }, Ct)).StatusCode);
            Assert.Equal(list, (await app.CreateClient().GetJsonAsync($"/api/scenarios/{id}"))["list"]!.GetValue<string>());
        }

        var after = (await app.CreateClient().GetJsonAsync("/api/scenarios/funnel"))["figures"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "lists")!["onPlatform"]!.GetValue<int>();
        Assert.Equal(before + 1, after);

        // The list is a record: numbered after the lists before it, dated the day its first demand was published.
        var lists = (await app.CreateClient().GetJsonAsync("/api/scenario-lists")).AsArray();
        var issued = lists.Single(l => l!["name"]!.GetValue<string>() == list)!;
        Assert.Equal(lists.Max(l => l!["number"]!.GetValue<int>()), issued["number"]!.GetValue<int>());
        Assert.Equal(InnoCluster.Infrastructure.BeijingTime.Today(app.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), issued["issuedOn"]!.GetValue<string>());
        Assert.Equal(["清单需求甲", "清单需求乙"], issued["entries"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
        Assert.Contains(list, await app.CreateClient().GetStringAsync("/scenarios/lists", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachments_OnlyTheAuthorsOwnUploads_ReadableWithTheDemand()
    {
        var ownerAccount = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var owner = await TestUsers.TokenClientAsync(app, ownerAccount);
        var other = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        var pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
        async Task<Guid> UploadAsync(HttpClient client, string name)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", name } };
            using var uploaded = await client.PostAsync("/api/me/files", form, Ct);
            return (await CreatedAsync(uploaded))["id"]!.GetValue<Guid>();
        }

        var mine = await UploadAsync(owner, "工艺说明.pdf");
        var theirs = await UploadAsync(other, "别人的.pdf");
        using (var refused = await owner.PostJsonAsync("/api/scenarios", new { title = "带附件的需求", description = "见附件", attachments = new[] { mine, theirs } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("attachments", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var id = (await CreatedAsync(await owner.PostJsonAsync("/api/scenarios", new { title = "带附件的需求", description = "见附件", attachments = new[] { mine } })))["id"]!.GetValue<int>();
        var listed = (await owner.GetJsonAsync($"/api/scenarios/{id}"))["attachments"]!.AsArray();
        Assert.Equal("工艺说明.pdf", Assert.Single(listed)!["fileName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/scenarios/{id}/attachments/{mine}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/scenarios/{id}/attachments/{theirs}", Ct)).StatusCode);

        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsJsonAsync($"/api/demands/{id}/publish", new { sector = "AI+制造" }, Ct)).StatusCode);
        using var download = await app.CreateClient().GetAsync($"/api/scenarios/{id}/attachments/{mine}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task DockingEvent_InvitesThenRecordsWhoMetWhom_AndMovesThePairToDocking()
    {
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var ownerAccount = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var owner = await TestUsers.TokenClientAsync(app, ownerAccount);
        var vendor = await EnterpriseAsync("对接会供给方", "工业机器人打磨");
        var vendorAccount = await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: vendor);
        var demand = (await CreatedAsync(await owner.PostJsonAsync("/api/scenarios", Demand("铸件打磨自动化", "铸铁锅打磨需要机器人替代人工。"))))["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsJsonAsync($"/api/demands/{demand}/publish", new { sector = "AI+制造" }, Ct)).StatusCode);
        var eventId = (await CreatedAsync(await official.PostJsonAsync("/api/docking-events", new { title = "AI+制造场景对接会", date = "2025-09-10", place = "工业园区" })))["id"]!.GetValue<int>();

        using (var bad = await official.PostJsonAsync($"/api/docking-events/{eventId}/invitations", new { demandIds = new[] { demand, 999999 }, enterpriseIds = new[] { vendor } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("999999", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await official.PostJsonAsync($"/api/docking-events/{eventId}/invitations", new { demandIds = new[] { demand }, enterpriseIds = new[] { vendor } })).StatusCode);
        // The demand's author and the vendor's account are told, once, however often they are invited.
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostJsonAsync($"/api/docking-events/{eventId}/invitations", new { demandIds = new[] { demand }, enterpriseIds = new[] { vendor } })).StatusCode);
        await app.FlushMailAsync();
        var outbox = Path.Combine(app.Database.DataDirectory, "outbox");
        var invitations = Directory.GetFiles(outbox, "*.eml").Select(File.ReadAllText).Where(m => m.Contains("/demands", StringComparison.Ordinal) && (m.Contains($"To: {ownerAccount.Email}", StringComparison.Ordinal) || m.Contains($"To: {vendorAccount.Email}", StringComparison.Ordinal))).ToList();
        Assert.Equal(2, invitations.Count);
        Assert.Contains(invitations, m => m.Contains($"To: {ownerAccount.Email}", StringComparison.Ordinal) && m.Contains($"/demands/{demand}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostJsonAsync($"/api/docking-events/{eventId}/meetings", new { demandId = demand, enterpriseId = vendor, outcome = "现场演示打磨效果，约定到厂测试" })).StatusCode);

        var view = await official.GetJsonAsync($"/api/docking-events/{eventId}");
        Assert.Equal(2, view["invited"]!.AsArray().Count);
        var meeting = Assert.Single(view["meetings"]!.AsArray())!;
        Assert.Equal(("Docking", "现场演示打磨效果，约定到厂测试"), (meeting["stage"]!.GetValue<string>(), meeting["note"]!.GetValue<string>()));
        var dockingId = meeting["dockingId"]!.GetValue<int>();
        var pair = await official.GetJsonAsync($"/api/dockings/{dockingId}");
        Assert.Equal(["Proposed", "Contacted", "Docking"], pair["steps"]!.AsArray().Select(x => x!["stage"]!.GetValue<string>()));
        Assert.All(pair["steps"]!.AsArray().Skip(1), x => Assert.Equal(eventId, x!["eventId"]!.GetValue<int>()));
        await owner.GetJsonAsync($"/api/docking-events/{eventId}", 403);
    }

    [Fact]
    public async Task PostScenario_BadInput_NamesEachFieldAndStoresNothing()
    {
        var owner = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        var before = await app.WithDbAsync(db => db.Set<InnoCluster.Features.Scenarios.Demand>().CountAsync(Ct));
        using var response = await owner.PostJsonAsync("/api/scenarios", new
        {
            title = "",
            description = new string('长', 10_001),
            sector = "区块链",
            budget = "看情况",
            deadline = InnoCluster.Infrastructure.BeijingTime.Today(app.Clock).AddDays(-1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["errors"]!.AsObject();
        Assert.Equal(["budget", "deadline", "description", "sector", "title"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("面议", errors["budget"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<InnoCluster.Features.Scenarios.Demand>().CountAsync(Ct)));

        using var anonymous = await app.CreateClient().PostAsJsonAsync("/api/scenarios", new { title = "t", description = "d" }, Ct);
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Found, anonymous.StatusCode.ToString());
    }

    [Fact]
    public async Task PostScenario_NearlyTheSameTextTwice_IsFlaggedNotMerged()
    {
        var owner = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        var text = "纺织面料瑕疵在线检测：织布机速度每分钟30米，需识别断经、断纬、油污、破洞四类瑕疵，漏检率低于百分之二。" + Guid.NewGuid().ToString("N")[..4];
        var first = (await CreatedAsync(await owner.PostJsonAsync("/api/scenarios", Demand("面料瑕疵检测", text))))["id"]!.GetValue<int>();
        var second = await CreatedAsync(await owner.PostJsonAsync("/api/scenarios", Demand("面料瑕疵检测需求", text + "。")));
        Assert.Equal(first, second["possibleDuplicateOf"]!.GetValue<int>());
        Assert.NotEqual(first, second["id"]!.GetValue<int>());
        var other = await CreatedAsync(await owner.PostJsonAsync("/api/scenarios", Demand("医院药品配送", "医院之间的药品和检验样本需要无人机配送，航线七公里。")));
        Assert.Null(other["possibleDuplicateOf"]);
    }

    [Fact]
    public async Task Solutions_VendorsWriteOnlyTheirOwn()
    {
        var mine = await EnterpriseAsync("视觉甲", "工业视觉检测设备");
        var theirs = await EnterpriseAsync("视觉乙", "工业相机");
        var vendor = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: mine));
        var id = (await CreatedAsync(await vendor.PostJsonAsync("/api/solutions", new { title = "表面缺陷检测", description = "深度学习视觉检测", capabilities = new[] { "机器视觉" }, sectors = new[] { "AI+制造" }, chainNodes = new[] { "industrial-vision" } })))["id"]!.GetValue<int>();
        var read = await app.CreateClient().GetJsonAsync($"/api/solutions/{id}");
        Assert.Equal(mine, read["enterpriseId"]!.GetValue<int>());

        using var forOther = await vendor.PostJsonAsync("/api/solutions", new { title = "冒名方案", description = "x", enterpriseId = theirs });
        Assert.Equal(HttpStatusCode.BadRequest, forOther.StatusCode);
        using var badNode = await vendor.PostJsonAsync("/api/solutions", new { title = "方案", description = "x", chainNodes = new[] { "no-such-node" }, sectors = new[] { "区块链" } });
        Assert.Contains("chainNodes", await badNode.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var listed = await app.CreateClient().GetStringAsync("/solutions?q=" + Uri.EscapeDataString("表面缺陷检测"), Ct);
        Assert.Contains("表面缺陷检测", listed, StringComparison.Ordinal);
        var other = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: theirs));
        using var edit = await other.PutAsJsonAsync($"/api/solutions/{id}", new { title = "改别人的方案", description = "x" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal("表面缺陷检测", (await app.CreateClient().GetJsonAsync($"/api/solutions/{id}"))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Matches_RankTheFittingVendorFirst_ExplainWhy_AndFollowPinsAndExclusions()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var vision = await EnterpriseAsync("极片视觉", "视觉检测设备", "industrial-vision");
        var voice = await EnterpriseAsync("语音科技", "车载语音助手", "speech");
        var noSolution = await EnterpriseAsync("涂布检测", $"锂电池极片涂布{tag}漏涂缺陷在线检测设备研发制造", "industrial-vision");
        await IndexEnterprisesAsync(vision, voice, noSolution);
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var visionSolution = (await CreatedAsync(await official.PostJsonAsync("/api/solutions", new
        {
            title = $"极片{tag}表面缺陷视觉检测",
            description = "深度学习机器视觉，检测锂电池极片划痕、漏涂、褶皱，节拍每分钟120片。",
            capabilities = new[] { "机器视觉", "缺陷检测" },
            sectors = new[] { "AI+制造" },
            chainNodes = new[] { "industrial-vision" },
            enterpriseId = vision,
        })))["id"]!.GetValue<int>();
        var voiceSolution = (await CreatedAsync(await official.PostJsonAsync("/api/solutions", new
        {
            title = "车载语音助手",
            description = "多轮对话、方言识别的车载语音交互。",
            capabilities = new[] { "语音识别" },
            sectors = new[] { "AI+交通" },
            enterpriseId = voice,
        })))["id"]!.GetValue<int>();
        var owner = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        var demand = (await CreatedAsync(await owner.PostJsonAsync("/api/scenarios", Demand($"锂电池极片{tag}缺陷检测", $"涂布后的极片{tag}需要在线检测划痕和漏涂，替代人工目检。", capabilities: ["机器视觉", "缺陷检测"]))))["id"]!.GetValue<int>();

        var matches = (await owner.GetJsonAsync($"/api/scenarios/{demand}/matches"))["matches"]!.AsArray();
        var first = matches[0]!;
        Assert.Equal(("Solution", visionSolution), (first["kind"]!.GetValue<string>(), first["id"]!.GetValue<int>()));
        var reasons = first["reasons"]!;
        Assert.Contains("漏涂", reasons["sharedTerms"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["机器视觉", "缺陷检测"], reasons["sharedCapabilities"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("vision", reasons["sharedChainNodes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains(first["candidateSnippet"]!.AsArray(), p => p!["hit"]!.GetValue<bool>() && p["text"]!.GetValue<string>() == "漏涂");
        Assert.Contains(first["subjectSnippet"]!.AsArray(), p => p!["hit"]!.GetValue<bool>());
        // An enterprise with no solution yet is found through its registry text (cold start).
        Assert.Contains(matches, m => m!["kind"]!.GetValue<string>() == "Enterprise" && m["id"]!.GetValue<int>() == noSolution);
        Assert.DoesNotContain(matches, m => m!["id"]!.GetValue<int>() == voiceSolution && m["kind"]!.GetValue<string>() == "Solution");

        // Officials pin the voice vendor (it shows first) and exclude the vision one (it leaves the list).
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsync($"/api/scenarios/{demand}/matches/solution/{voiceSolution}/pin", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsync($"/api/scenarios/{demand}/matches/solution/{visionSolution}/exclude", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync($"/api/scenarios/{demand}/matches/solution/{voiceSolution}/pin", null, Ct)).StatusCode);
        var decided = await official.GetJsonAsync($"/api/scenarios/{demand}/matches");
        Assert.Equal((voiceSolution, true), (decided["matches"]![0]!["id"]!.GetValue<int>(), decided["matches"]![0]!["pinned"]!.GetValue<bool>()));
        Assert.DoesNotContain(decided["matches"]!.AsArray(), m => m!["id"]!.GetValue<int>() == visionSolution && m["kind"]!.GetValue<string>() == "Solution");
        Assert.Contains(decided["excluded"]!.AsArray(), m => m!["id"]!.GetValue<int>() == visionSolution);

        // And the other way round: the published demand among the vision solution's matches, once the exclusion is lifted.
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsJsonAsync($"/api/demands/{demand}/publish", new { sector = "AI+制造" }, Ct)).StatusCode);
        Assert.DoesNotContain((await app.CreateClient().GetJsonAsync($"/api/solutions/{visionSolution}/matches"))["matches"]!.AsArray(), m => m!["id"]!.GetValue<int>() == demand);
        Assert.Equal(HttpStatusCode.NoContent, (await official.DeleteAsync($"/api/scenarios/{demand}/matches/solution/{visionSolution}/decision", Ct)).StatusCode);
        var demandsForSolution = (await app.CreateClient().GetJsonAsync($"/api/solutions/{visionSolution}/matches"))["matches"]!.AsArray();
        Assert.Equal(demand, demandsForSolution[0]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Pipeline_ContactAfterAcceptance_IllegalMovesRefused_LandedCountsInFunnelAndCases()
    {
        var vendorId = await EnterpriseAsync("无人配送", "园区无人配送车", "unmanned-delivery");
        var vendor = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: vendorId));
        var ownerAccount = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var owner = await TestUsers.TokenClientAsync(app, ownerAccount);
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var demand = (await CreatedAsync(await owner.PostJsonAsync("/api/scenarios", Demand("园区快递末端配送", "园区内快递从驿站到楼宇的末端配送，每天两千件。", "AI+交通", contact: "王经理 0512-00000000"))))["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsJsonAsync($"/api/demands/{demand}/publish", new { sector = "AI+交通" }, Ct)).StatusCode);
        var before = await app.CreateClient().GetJsonAsync("/api/scenarios/funnel");
        var delivery = (await CreatedAsync(await vendor.PostJsonAsync("/api/solutions", new { title = "园区快递末端无人配送", description = "无人车把快递从驿站送到楼宇", sectors = new[] { "AI+交通" }, chainNodes = new[] { "unmanned-delivery" } })))["id"]!.GetValue<int>();
        Assert.Contains((await app.CreateClient().GetJsonAsync($"/api/solutions/{delivery}/matches"))["matches"]!.AsArray(), m => m!["id"]!.GetValue<int>() == demand);

        // The vendor asks for contact: the pair is proposed, and the contact stays hidden.
        var docking = (await CreatedAsync(await vendor.PostJsonAsync("/api/dockings", new { demandId = demand, enterpriseId = vendorId, note = "我们有园区无人配送案例" })))["id"]!.GetValue<int>();
        var seen = await vendor.GetJsonAsync($"/api/scenarios/{demand}");
        Assert.Null(seen["contact"]);
        Assert.True(seen["hasContact"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await vendor.PostAsync($"/api/dockings/{docking}/contacted", null, Ct)).StatusCode);

        // The owner accepts: now the vendor sees it.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/api/dockings/{docking}/contacted", null, Ct)).StatusCode);
        Assert.Equal("王经理 0512-00000000", (await vendor.GetJsonAsync($"/api/scenarios/{demand}"))["contact"]!.GetValue<string>());

        // The pair is the parties' business until it lands: its vendor and the owner see it with its next stage; the public does not.
        var vendorsPair = Assert.Single((await vendor.GetJsonAsync($"/api/scenarios/{demand}/dockings")).AsArray())!;
        Assert.Equal((docking, "Contacted", "Docking"), (vendorsPair["id"]!.GetValue<int>(), vendorsPair["stage"]!.GetValue<string>(), vendorsPair["next"]!.GetValue<string>()));
        Assert.Single((await owner.GetJsonAsync($"/api/scenarios/{demand}/dockings")).AsArray());
        Assert.Empty((await app.CreateClient().GetJsonAsync($"/api/scenarios/{demand}/dockings")).AsArray());
        await app.CreateClient().GetJsonAsync("/api/scenarios/999999/dockings", 404);

        app.Clock.Advance(TimeSpan.FromDays(3));
        var eventId = (await CreatedAsync(await official.PostJsonAsync("/api/docking-events", new { title = "2025年第3场场景对接会", date = "2025-06-18", place = "园区" })))["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsJsonAsync($"/api/dockings/{docking}/docking", new { note = "现场对接", eventId }, Ct)).StatusCode);

        // Landed before signed: a problem-details refusal that names the missing stage; nothing changes.
        using var tooEarly = await official.PostAsync($"/api/dockings/{docking}/landed", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal("application/problem+json", tooEarly.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Negotiating", await tooEarly.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        foreach (var stage in new[] { "negotiating", "signed" })
        {
            app.Clock.Advance(TimeSpan.FromDays(5));
            Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsync($"/api/dockings/{docking}/{stage}", null, Ct)).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsJsonAsync($"/api/dockings/{docking}/landed", new { note = "三台无人车投入运营" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await vendor.PostAsync($"/api/dockings/{docking}/dropped", null, Ct)).StatusCode);

        var publicPair = Assert.Single((await app.CreateClient().GetJsonAsync($"/api/scenarios/{demand}/dockings")).AsArray())!;
        Assert.Equal(("Landed", "Demonstration"), (publicPair["stage"]!.GetValue<string>(), publicPair["next"]!.GetValue<string>()));

        var view = await vendor.GetJsonAsync($"/api/dockings/{docking}");
        Assert.Equal(["Proposed", "Contacted", "Docking", "Negotiating", "Signed", "Landed"], view["steps"]!.AsArray().Select(s => s!["stage"]!.GetValue<string>()));
        Assert.Equal(eventId, view["steps"]![2]!["eventId"]!.GetValue<int>());
        await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: await EnterpriseAsync("旁观", "无关"))).ContinueWith(async c => await (await c).GetJsonAsync($"/api/dockings/{docking}", 404), Ct).Unwrap();

        var after = await app.CreateClient().GetJsonAsync("/api/scenarios/funnel");
        foreach (var (counter, delta) in new[] { ("published", 0), ("matched", 1), ("docked", 1), ("signed", 1), ("landed", 1), ("demonstration", 0) })
        {
            Assert.Equal(before["total"]![counter]!.GetValue<int>() + delta, after["total"]![counter]!.GetValue<int>());
        }

        Assert.Contains(after["timeInStage"]!.AsArray(), t => t!["stage"]!.GetValue<string>() == "Signed" && t["medianDays"]!.GetValue<double>() > 0);
        var cases = (await app.CreateClient().GetJsonAsync("/api/scenarios/cases")).AsArray();
        var landed = Assert.Single(cases, c => c!["dockingId"]!.GetValue<int>() == docking)!;
        // Delivered, the demand is answered: no solution is offered it any more.
        Assert.DoesNotContain((await app.CreateClient().GetJsonAsync($"/api/solutions/{delivery}/matches"))["matches"]!.AsArray(), m => m!["id"]!.GetValue<int>() == demand);
        Assert.Equal(("园区快递末端配送", "三台无人车投入运营"), (landed["scenario"]!.GetValue<string>(), landed["notes"]!.GetValue<string>()));
        using var xlsx = await app.CreateClient().GetAsync("/api/scenarios/cases.xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(Ct), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["场景 Scenario"] == "园区快递末端配送" && (string)r["说明 Notes"] == "三台无人车投入运营");
    }
}

public sealed class SqliteMarketplaceTests(TestApp<SqliteTarget> app) : MarketplaceTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresMarketplaceTests(TestApp<PostgresTarget> app) : MarketplaceTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
