using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.SecurityTests;

/// <summary>
/// The object-level matrix: every endpoint that takes an id and is open to owners (signed-in people,
/// enterprise accounts) is tried by one owner against another owner's object — read, edit, delete,
/// download, erase. Each must answer 403 or 404 and leave the object as it was. A new id-taking endpoint
/// open to owners fails <see cref="EveryOwnerScopedIdEndpoint_IsInTheMatrix"/> until it has a row here.
/// </summary>
public abstract partial class ObjectLevelMatrixTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected ObjectLevelMatrixTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two enterprises, each with an account; the attacker is bound to the first.</summary>
    private sealed record Owners(int Mine, int Theirs, HttpClient Attacker, TestUsers.Account Victim, HttpClient VictimClient);

    private async Task<Owners> OwnersAsync()
    {
        var ids = await app.WithDbAsync(async db =>
        {
            var made = new List<int>();
            foreach (var name in new[] { "矩阵测试甲", "矩阵测试乙" })
            {
                var e = new Enterprise { Name = $"{name}{Guid.NewGuid():N}"[..14], Business = "原始主营业务", CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
                db.Add(e);
                await db.SaveChangesAsync(Ct);
                made.Add(e.Id);
            }

            return made;
        });
        var attacker = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: ids[0]));
        var victim = await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: ids[1], phone: "13900001111");
        return new Owners(ids[0], ids[1], attacker, victim, await TestUsers.TokenClientAsync(app, victim));
    }

    private sealed record Attempt(HttpResponseMessage Response, Func<Task> Unchanged);

    private static readonly Func<Task> Nothing = () => Task.CompletedTask;

    /// <summary>Route → what the attacker sends against the victim's object, and how "unchanged" is checked.</summary>
    private Dictionary<string, Func<Owners, Task<Attempt>>> Matrix => OwnerRows.Concat(CallRows).Concat(WorkspaceRows).ToDictionary(StringComparer.Ordinal);

    private Dictionary<string, Func<Owners, Task<Attempt>>> OwnerRows => new(StringComparer.Ordinal)
    {
        ["PATCH /api/enterprises/{id:int}/profile"] = async o => new Attempt(
            await o.Attacker.PatchAsync($"/api/enterprises/{o.Theirs}/profile", JsonContent.Create(new { business = "篡改" }), Ct),
            async () => Assert.Equal("原始主营业务", await app.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.Id == o.Theirs).Select(e => e.Business).SingleAsync(Ct)))),
        ["PATCH /api/enterprises/{id:int}/facts"] = async o => new Attempt(
            await o.Attacker.PatchAsync($"/api/enterprises/{o.Theirs}/facts", JsonContent.Create(new { year = 2024, revenue = 1m, district = "sip" }), Ct),
            async () =>
            {
                Assert.False(await app.WithDbAsync(db => db.Set<YearlyFigure>().AnyAsync(f => f.EnterpriseId == o.Theirs, Ct)));
                Assert.False(await app.WithDbAsync(db => db.Set<FactChange>().AnyAsync(c => c.EnterpriseId == o.Theirs, Ct)));
            }),
        ["GET /api/enterprises/{id:int}/fact-changes"] = async o => new Attempt(await o.Attacker.GetAsync($"/api/enterprises/{o.Theirs}/fact-changes", Ct), Nothing),
        ["POST /api/enterprises/{id:int}/designations"] = async o => new Attempt(
            await o.Attacker.PostAsJsonAsync($"/api/enterprises/{o.Theirs}/designations", new { tier = "gazelle", level = "municipal", year = 2024, source = "篡改" }, Ct), NoRecordsOn(o.Theirs)),
        ["POST /api/enterprises/{id:int}/certifications"] = async o => new Attempt(
            await o.Attacker.PostAsJsonAsync($"/api/enterprises/{o.Theirs}/certifications", new { kind = "first-edition-software", productName = "篡改", level = "provincial", year = 2024, source = "篡改" }, Ct), NoRecordsOn(o.Theirs)),
        ["POST /api/enterprises/{id:int}/standards"] = async o => new Attempt(
            await o.Attacker.PostAsJsonAsync($"/api/enterprises/{o.Theirs}/standards", new { number = "T/X 1-2024", title = "篡改", level = "group", role = "lead", year = 2024, source = "篡改" }, Ct), NoRecordsOn(o.Theirs)),
        ["POST /api/enterprises/{id:int}/filings"] = async o => new Attempt(
            await o.Attacker.PostAsJsonAsync($"/api/enterprises/{o.Theirs}/filings", new { kind = "algorithm", name = "篡改", year = 2024, source = "篡改" }, Ct), NoRecordsOn(o.Theirs)),
        ["POST /api/enterprises/{id:int}/financing"] = async o => new Attempt(
            await o.Attacker.PostAsJsonAsync($"/api/enterprises/{o.Theirs}/financing", new { round = "a", amount = 5000m, investors = "篡改", year = 2024, source = "篡改" }, Ct), NoRecordsOn(o.Theirs)),
        ["GET /api/tasks/{id:int}/reports"] = async _ =>
        {
            var (department, task) = await OtherUnitsTaskAsync();
            return new Attempt(await department.GetAsync($"/api/tasks/{task}/reports", Ct), Nothing);
        },
        ["POST /api/tasks/{id:int}/reports"] = async _ =>
        {
            var (department, task) = await OtherUnitsTaskAsync();
            return new Attempt(await department.PostAsJsonAsync($"/api/tasks/{task}/reports", new { period = "2025-Q4", unit = "市工信局", text = "越权报送" }, Ct), NoReportsOn(task));
        },
        ["PAGE /plans/tasks/{id:int}"] = async _ =>
        {
            var (department, task) = await OtherUnitsTaskAsync();
            return new Attempt(await department.GetAsync($"/plans/tasks/{task}", Ct), Nothing);
        },
        ["GET /api/calculator/{id:int}"] = async o => new Attempt(await o.Attacker.GetAsync($"/api/calculator/{o.Theirs}", Ct), Nothing),
        ["PAGE /enterprises/{id:int}/calculator"] = async o => new Attempt(await o.Attacker.GetAsync($"/enterprises/{o.Theirs}/calculator", Ct), Nothing),
        ["DELETE /api/me/tokens/{id:int}"] = async o =>
        {
            var tokens = await o.VictimClient.GetFromJsonAsync<JsonArray>("/api/me/tokens", Ct);
            var id = tokens![0]!["id"]!.GetValue<int>();
            return new Attempt(await o.Attacker.DeleteAsync($"/api/me/tokens/{id}", Ct), async () => Assert.Equal(HttpStatusCode.OK, (await o.VictimClient.GetAsync("/api/me", Ct)).StatusCode));
        },
        ["GET /api/files/{id:guid}"] = async o =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray()), "file", "theirs.pdf" } };
            using var uploaded = await o.VictimClient.PostAsync("/api/me/files", form, Ct);
            var id = (await uploaded.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<Guid>();
            return new Attempt(await o.Attacker.GetAsync($"/api/files/{id}", Ct), async () => Assert.Equal(HttpStatusCode.OK, (await o.VictimClient.GetAsync($"/api/files/{id}", Ct)).StatusCode));
        },
        ["GET /api/jobs/{id:long}"] = async o =>
        {
            var (job, _) = await VictimsJobAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/api/jobs/{job}", Ct), async () => Assert.Equal(HttpStatusCode.OK, (await o.VictimClient.GetAsync($"/api/jobs/{job}", Ct)).StatusCode));
        },
        ["GET /api/jobs/{id:long}/files/{fileId:long}"] = async o =>
        {
            var (job, file) = await VictimsJobAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/api/jobs/{job}/files/{file}", Ct), async () => Assert.Equal(HttpStatusCode.OK, (await o.VictimClient.GetAsync($"/api/jobs/{job}/files/{file}", Ct)).StatusCode));
        },
        ["PAGE /jobs/{id:long}"] = async o =>
        {
            var (job, _) = await VictimsJobAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/jobs/{job}", Ct), Nothing);
        },
        ["GET /api/appeals/{id:int}"] = async o =>
        {
            var id = await VictimsAppealAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/api/appeals/{id}", Ct), AppealUnchanged(o, id));
        },
        ["POST /api/appeals/{id:int}/respond"] = async o =>
        {
            var id = await VictimsAppealAsync(o);
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/appeals/{id}/respond", new { note = "篡改" }, Ct), AppealUnchanged(o, id));
        },
        ["POST /api/appeals/{id:int}/extend"] = async o =>
        {
            var id = await VictimsAppealAsync(o);
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/appeals/{id}/extend", new { note = "篡改" }, Ct), AppealUnchanged(o, id));
        },
        ["POST /api/appeals/{id:int}/hand-back"] = async o =>
        {
            var id = await VictimsAppealAsync(o);
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/appeals/{id}/hand-back", new { note = "篡改" }, Ct), AppealUnchanged(o, id));
        },
        ["POST /api/appeals/{id:int}/resolve"] = async o =>
        {
            var id = await VictimsAppealAsync(o);
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/appeals/{id}/resolve", new { note = "篡改" }, Ct), AppealUnchanged(o, id));
        },
        ["POST /api/appeals/{id:int}/rate"] = async o =>
        {
            var id = await VictimsAppealAsync(o);
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/appeals/{id}/rate", new { rating = "Dissatisfied" }, Ct), AppealUnchanged(o, id));
        },
        ["POST /api/appeals/{id:int}/reopen"] = async o =>
        {
            var id = await VictimsAppealAsync(o);
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/appeals/{id}/reopen", new { note = "篡改" }, Ct), AppealUnchanged(o, id));
        },
        ["PAGE /appeals/{id:int}"] = async o =>
        {
            var id = await VictimsAppealAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/appeals/{id}", Ct), AppealUnchanged(o, id));
        },
        ["GET /api/proposals/{id:int}"] = async o =>
        {
            var id = await AProposalAsync();
            return new Attempt(await o.Attacker.GetAsync($"/api/proposals/{id}", Ct), ProposalUnchanged(id));
        },
        ["POST /api/proposals/{id:int}/opinions"] = async o =>
        {
            var id = await AProposalAsync();
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/proposals/{id}/opinions", new { text = "篡改" }, Ct), ProposalUnchanged(id));
        },
        ["POST /api/proposals/{id:int}/reply"] = async o =>
        {
            var id = await AProposalAsync();
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/proposals/{id}/reply", new { text = "篡改", outcome = "A" }, Ct), ProposalUnchanged(id));
        },
        ["POST /api/proposals/{id:int}/commitments/{number:int}/reports"] = async o =>
        {
            var id = await AProposalAsync();
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/proposals/{id}/commitments/1/reports", new { text = "篡改", done = true }, Ct), ProposalUnchanged(id));
        },
        ["PAGE /proposals/{id:int}"] = async o =>
        {
            var id = await AProposalAsync();
            return new Attempt(await o.Attacker.GetAsync($"/proposals/{id}", Ct), ProposalUnchanged(id));
        },
        ["GET /api/enterprise-users/{id}/personal-data"] = async o => new Attempt(await o.Attacker.GetAsync($"/api/enterprise-users/{o.Victim.Id}/personal-data", Ct), Nothing),
        ["POST /api/enterprise-users/{id}/erase"] = async o => new Attempt(
            await o.Attacker.PostAsync($"/api/enterprise-users/{o.Victim.Id}/erase", null, Ct),
            async () => Assert.Null(await app.WithDbAsync(db => db.Set<AppUser>().Where(u => u.Id == o.Victim.Id).Select(u => u.ErasedAt).SingleAsync(Ct)))),
        ["PAGE /demands/{id:int}/edit"] = async o =>
        {
            var id = (await (await o.VictimClient.PostAsJsonAsync("/api/scenarios", new { title = "原始需求标题", description = "原始需求描述" }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
            return new Attempt(await o.Attacker.GetAsync($"/demands/{id}/edit", Ct), Nothing);
        },
        ["PUT /api/scenarios/{id:int}"] = async o =>
        {
            var id = (await (await o.VictimClient.PostAsJsonAsync("/api/scenarios", new { title = "原始需求标题", description = "原始需求描述" }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
            return new Attempt(
                await o.Attacker.PutAsJsonAsync($"/api/scenarios/{id}", new { title = "篡改", description = "篡改" }, Ct),
                async () => Assert.Equal("原始需求标题", await app.WithDbAsync(db => db.Set<Demand>().Where(d => d.Id == id).Select(d => d.Title).SingleAsync(Ct))));
        },
        ["PAGE /solutions/{id:int}/edit"] = async o =>
        {
            var id = (await (await o.VictimClient.PostAsJsonAsync("/api/solutions", new { title = "原始方案", description = "原始方案描述" }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
            return new Attempt(await o.Attacker.GetAsync($"/solutions/{id}/edit", Ct), Nothing);
        },
        ["PUT /api/solutions/{id:int}"] = async o =>
        {
            var id = (await (await o.VictimClient.PostAsJsonAsync("/api/solutions", new { title = "原始方案", description = "原始方案描述" }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
            return new Attempt(
                await o.Attacker.PutAsJsonAsync($"/api/solutions/{id}", new { title = "篡改", description = "篡改" }, Ct),
                async () => Assert.Equal("原始方案", await app.WithDbAsync(db => db.Set<Solution>().Where(s => s.Id == id).Select(s => s.Title).SingleAsync(Ct))));
        },
        ["GET /api/dockings/{id:int}"] = async o =>
        {
            var id = await TheirDockingAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/api/dockings/{id}", Ct), Nothing);
        },
        ["POST /api/dockings/{id:int}/contacted"] = o => MoveTheirDockingAsync(o, "contacted"),
        ["POST /api/dockings/{id:int}/docking"] = o => MoveTheirDockingAsync(o, "docking"),
        ["POST /api/dockings/{id:int}/negotiating"] = o => MoveTheirDockingAsync(o, "negotiating"),
        ["POST /api/dockings/{id:int}/signed"] = o => MoveTheirDockingAsync(o, "signed"),
        ["POST /api/dockings/{id:int}/landed"] = o => MoveTheirDockingAsync(o, "landed"),
        ["POST /api/dockings/{id:int}/demonstration"] = o => MoveTheirDockingAsync(o, "demonstration"),
        ["POST /api/dockings/{id:int}/dropped"] = o => MoveTheirDockingAsync(o, "dropped"),
    };

    /// <summary>The victim enterprise in the pipeline of a published demand nobody of the two owns.</summary>
    private async Task<int> TheirDockingAsync(Owners o) => await app.WithDbAsync(async db =>
    {
        var demand = new Demand { Title = "矩阵需求", Problem = "矩阵需求描述", Status = DemandStatus.Published, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
        db.Add(demand);
        await db.SaveChangesAsync(Ct);
        var docking = new Docking { DemandId = demand.Id, EnterpriseId = o.Theirs, Stage = DockingStage.Proposed, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
        docking.Steps.Add(new DockingStep { Stage = DockingStage.Proposed, At = app.Clock.GetUtcNow(), By = "victim" });
        db.Add(docking);
        await db.SaveChangesAsync(Ct);
        return docking.Id;
    });

    private async Task<Attempt> MoveTheirDockingAsync(Owners o, string stage)
    {
        var id = await TheirDockingAsync(o);
        return new Attempt(
            await o.Attacker.PostAsync($"/api/dockings/{id}/{stage}", null, Ct),
            async () => Assert.Equal(DockingStage.Proposed, await app.WithDbAsync(db => db.Set<Docking>().Where(d => d.Id == id).Select(d => d.Stage).SingleAsync(Ct))));
    }

    /// <summary>Policies that let owners in (rather than only officials or administrators, or everyone for published data).</summary>
    private static readonly HashSet<string> OwnerPolicies = [Policies.SignedIn, Policies.EnterpriseAccount, Policies.EnterpriseOrOfficial, Policies.ScenarioAuthor, Policies.ProgressReporter, Policies.CallTeam, Policies.Reviewer];

    /// <summary>A request the victim's firm filed (still waiting for the desk).</summary>
    private static async Task<int> VictimsAppealAsync(Owners o)
    {
        using var filed = await o.VictimClient.PostAsJsonAsync("/api/appeals", new { topic = "本企业的诉求", text = "只有本企业和受理窗口能看到。" }, Ct);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        return (await filed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
    }

    private static Func<Task> AppealUnchanged(Owners o, int id) => async () =>
    {
        var appeal = (await o.VictimClient.GetFromJsonAsync<JsonObject>($"/api/appeals/{id}", Ct))!;
        Assert.Equal(("Received", 1), (appeal["status"]!.GetValue<string>(), appeal["steps"]!.AsArray().Count));
    };

    /// <summary>A replied proposal handled by a unit (not the attacker's), with one commitment of that unit's.</summary>
    private Task<int> AProposalAsync() => app.WithDbAsync(async db =>
    {
        var proposal = new InnoCluster.Features.ServiceDesk.Proposal
        {
            Session = $"矩阵测试会议{Guid.NewGuid():N}"[..20], Number = 1, Proposer = "委员", Title = "原始标题", LeadUnit = "矩阵测试单位",
            Status = InnoCluster.Features.ServiceDesk.ProposalStatus.Replied, RegisteredAt = app.Clock.GetUtcNow(),
            Commitments = [new() { Number = 1, Title = "原始承诺", Unit = "矩阵测试单位" }],
        };
        db.Add(proposal);
        await db.SaveChangesAsync(Ct);
        return proposal.Id;
    });

    private Func<Task> ProposalUnchanged(int id) => async () =>
    {
        var proposal = await app.WithDbAsync(db => db.Set<InnoCluster.Features.ServiceDesk.Proposal>().Include(p => p.Opinions).Include(p => p.Commitments).ThenInclude(c => c.Reports).SingleAsync(p => p.Id == id, Ct));
        Assert.Equal((null, 0, 0), (proposal.ReplyText, proposal.Opinions.Count, proposal.Commitments.Single().Reports.Count));
    };

    /// <summary>A finished job of the victim's, with a file it made.</summary>
    private Task<(long Job, long File)> VictimsJobAsync(Owners o) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow();
        var job = new InnoCluster.Infrastructure.Jobs.BackgroundJob
        {
            Kind = "annual-report-pdf", State = InnoCluster.Infrastructure.Jobs.JobState.Succeeded, CreatedById = o.Victim.Id, CreatedByName = o.Victim.Email,
            CreatedAt = now, NotBefore = now, FinishedAt = now, Attempts = 1, Result = "{\"file\":\"theirs.pdf\",\"bytes\":4}",
        };
        db.Add(job);
        await db.SaveChangesAsync(Ct);
        var file = new InnoCluster.Infrastructure.Jobs.JobFile { JobId = job.Id, Role = InnoCluster.Infrastructure.Jobs.JobFileRole.Output, Name = "theirs.pdf", ContentType = "application/pdf", Content = "%PDF"u8.ToArray() };
        db.Add(file);
        await db.SaveChangesAsync(Ct);
        return (job.Id, file.Id);
    });

    /// <summary>A department (市科技局) and a task it is not responsible for (专栏5-1: 市工信局 and the districts only).</summary>
    private async Task<(HttpClient Department, int Task)> OtherUnitsTaskAsync()
    {
        var department = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Department], department: "市科技局"));
        var task = await app.WithDbAsync(db => db.Set<InnoCluster.Features.Plans.PlanTask>().Where(t => t.Box == 5 && t.Number == 1).Select(t => t.Id).SingleAsync(Ct));
        return (department, task);
    }

    private Func<Task> NoReportsOn(int task) => async () =>
        Assert.False(await app.WithDbAsync(db => db.Set<InnoCluster.Features.Plans.TaskReport>().AnyAsync(r => r.TaskId == task, Ct)));

    /// <summary>The victim firm has no designation, certification, standard or filing, proposed or not.</summary>
    private Func<Task> NoRecordsOn(int firm) => async () => Assert.Equal(0, await app.WithDbAsync(async db =>
        await db.Set<EnterpriseTier>().CountAsync(r => r.EnterpriseId == firm, Ct) + await db.Set<ProductCertification>().CountAsync(r => r.EnterpriseId == firm, Ct)
        + await db.Set<StandardRecord>().CountAsync(r => r.EnterpriseId == firm, Ct) + await db.Set<Filing>().CountAsync(r => r.EnterpriseId == firm, Ct)
        + await db.Set<FinancingRecord>().CountAsync(r => r.EnterpriseId == firm, Ct)));

    [Fact]
    public void EveryOwnerScopedIdEndpoint_IsInTheMatrix()
    {
        var owned = EndpointPolicyTable.Table
            .Where(e => e.Key.Contains("{id", StringComparison.Ordinal) && OwnerPolicies.Contains(e.Value))
            .Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(owned, Matrix.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnotherOwnersObject_Is403Or404_AndUnchanged()
    {
        var problems = new List<string>();
        foreach (var (route, attempt) in Matrix)
        {
            var owners = await OwnersAsync();
            var (response, unchanged) = await attempt(owners);
            using (response)
            {
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    problems.Add($"{route}: {(int)response.StatusCode}");
                }
            }

            await unchanged();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

public sealed class SqliteObjectLevelMatrixTests(TestApp<SqliteTarget> app) : ObjectLevelMatrixTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresObjectLevelMatrixTests(TestApp<PostgresTarget> app) : ObjectLevelMatrixTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
