using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Calls;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.SecurityTests;

/// <summary>
/// The matrix rows of calls: a firm never reaches another firm's application or its files; a 板块 never one
/// of another 板块's firms; an expert never an application not assigned to them, nor another expert's assignment.
/// </summary>
public abstract partial class ObjectLevelMatrixTests<TTarget>
{
    private Dictionary<string, Func<Owners, Task<Attempt>>> CallRows => new(StringComparer.Ordinal)
    {
        ["POST /api/calls/{id:int}/applications"] = async o =>
        {
            var call = await ACallAsync(CallStatus.Draft);
            return new Attempt(await o.Attacker.PostAsJsonAsync($"/api/calls/{call}/applications", new { projectTitle = "未发布的征集" }, Ct),
                async () => Assert.False(await app.WithDbAsync(db => db.Set<CallApplication>().AnyAsync(a => a.CallId == call, Ct))));
        },
        ["GET /api/calls/{id:int}/applications"] = async o =>
        {
            var (_, application) = await VictimsApplicationAsync(o);
            var outsider = await ExpertClientAsync();
            var call = await app.WithDbAsync(db => db.Set<CallApplication>().Where(a => a.Id == application).Select(a => a.CallId).SingleAsync(Ct));
            return new Attempt(await outsider.Client.GetAsync($"/api/calls/{call}/applications", Ct), Nothing);
        },
        ["GET /api/calls/{id:int}/applications/export"] = async o =>
        {
            var (_, application) = await VictimsApplicationAsync(o);
            var outsider = await ExpertClientAsync();
            var call = await app.WithDbAsync(db => db.Set<CallApplication>().Where(a => a.Id == application).Select(a => a.CallId).SingleAsync(Ct));
            return new Attempt(await outsider.Client.GetAsync($"/api/calls/{call}/applications/export", Ct), Nothing);
        },
        ["PAGE /calls/applications/{id:int}"] = async o =>
        {
            var (_, id) = await VictimsApplicationAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/calls/applications/{id}", Ct), ApplicationUnchanged(id));
        },
        ["GET /api/applications/{id:int}"] = async o =>
        {
            var (_, id) = await VictimsApplicationAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/api/applications/{id}", Ct), ApplicationUnchanged(id));
        },
        ["PUT /api/applications/{id:int}"] = async o =>
        {
            var (_, id) = await VictimsApplicationAsync(o);
            return new Attempt(await o.Attacker.PutAsJsonAsync($"/api/applications/{id}", new { projectTitle = "篡改" }, Ct), ApplicationUnchanged(id));
        },
        ["POST /api/applications/{id:int}/submit"] = async o =>
        {
            var (_, id) = await VictimsApplicationAsync(o);
            return new Attempt(await o.Attacker.PostAsync($"/api/applications/{id}/submit", null, Ct), ApplicationUnchanged(id));
        },
        ["POST /api/applications/{id:int}/withdraw"] = async o =>
        {
            var (_, id) = await VictimsApplicationAsync(o);
            return new Attempt(await o.Attacker.PostAsync($"/api/applications/{id}/withdraw", null, Ct), ApplicationUnchanged(id));
        },
        ["GET /api/applications/{id:int}/files/{fileId:guid}"] = async o =>
        {
            var (file, id) = await VictimsApplicationAsync(o);
            return new Attempt(await o.Attacker.GetAsync($"/api/applications/{id}/files/{file}", Ct), ApplicationUnchanged(id));
        },
        ["POST /api/applications/{id:int}/recommend"] = async o =>
        {
            var (_, id) = await VictimsApplicationAsync(o);
            var otherDistrict = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Department], department: "昆山市"));
            return new Attempt(await otherDistrict.PostAsJsonAsync($"/api/applications/{id}/recommend", new { recommend = true }, Ct), ApplicationUnchanged(id));
        },
        ["POST /api/applications/{id:int}/reviews"] = async o =>
        {
            var (_, id) = await VictimsApplicationAsync(o);
            var (assigned, outsider) = (await ExpertClientAsync(), await ExpertClientAsync());
            var assignment = await AssignAsync(id, assigned.ExpertId);
            return new Attempt(await outsider.Client.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = new { quality = 10 } }, Ct), AssignmentUnchanged(assignment));
        },
        ["POST /api/assignments/{id:int}/recuse"] = async o =>
        {
            var (_, id) = await VictimsApplicationAsync(o);
            var (assigned, outsider) = (await ExpertClientAsync(), await ExpertClientAsync());
            var assignment = await AssignAsync(id, assigned.ExpertId);
            return new Attempt(await outsider.Client.PostAsJsonAsync($"/api/assignments/{assignment}/recuse", new { reason = "替人回避" }, Ct), AssignmentUnchanged(assignment));
        },
    };

    private Task<int> ACallAsync(CallStatus status) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow();
        var sip = await db.Set<InnoCluster.Features.Registry.District>().Where(d => d.Code == "sip").Select(d => d.Id).SingleAsync(Ct);
        var call = new Call
        {
            Title = "矩阵测试征集", Kind = CallKind.Selection, Programme = CallProgramme.DemonstrationProject, Status = status, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(10),
            Rubric = [new("quality", "质量", 100, 10)], NeedsDistrictRecommendation = true, DistrictQuotas = [new(sip, 1)], CreatedAt = now,
        };
        db.Add(call);
        await db.SaveChangesAsync(Ct);
        return call.Id;
    });

    /// <summary>The victim firm's application (in 苏州工业园区, passed 形式审查) with a file the victim uploaded.</summary>
    private async Task<(Guid File, int Application)> VictimsApplicationAsync(Owners o)
    {
        var call = await ACallAsync(CallStatus.Published);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray()), "file", "申报书.pdf" } };
        using var uploaded = await o.VictimClient.PostAsync("/api/me/files", form, Ct);
        var file = (await uploaded.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<Guid>();
        var id = await app.WithDbAsync(async db =>
        {
            var sip = await db.Set<InnoCluster.Features.Registry.District>().Where(d => d.Code == "sip").Select(d => d.Id).SingleAsync(Ct);
            var application = new CallApplication
            {
                CallId = call, EnterpriseId = o.Theirs, EnterpriseName = "矩阵测试乙", DistrictId = sip, ProjectTitle = "原始项目", Status = ApplicationStatus.Accepted,
                CreatedById = o.Victim.Id, CreatedAt = app.Clock.GetUtcNow(), Files = [new("plan", file, "申报书.pdf")],
            };
            db.Add(application);
            await db.SaveChangesAsync(Ct);
            return application.Id;
        });
        return (file, id);
    }

    private Func<Task> ApplicationUnchanged(int id) => async () =>
    {
        var application = await app.WithDbAsync(db => db.Set<CallApplication>().Include(a => a.Steps).SingleAsync(a => a.Id == id, Ct));
        Assert.Equal(("原始项目", ApplicationStatus.Accepted, 0), (application.ProjectTitle, application.Status, application.Steps.Count));
    };

    private async Task<(HttpClient Client, int ExpertId)> ExpertClientAsync()
    {
        var account = await TestUsers.CreateAsync(app, [Roles.Expert]);
        var expert = await app.WithDbAsync(async db =>
        {
            var e = new Expert { UserId = account.Id, Name = "矩阵专家", Affiliation = "某大学", CreatedAt = app.Clock.GetUtcNow() };
            db.Add(e);
            await db.SaveChangesAsync(Ct);
            return e.Id;
        });
        return (await TestUsers.TokenClientAsync(app, account), expert);
    }

    private Task<int> AssignAsync(int application, int expert) => app.WithDbAsync(async db =>
    {
        var call = await db.Set<CallApplication>().Where(a => a.Id == application).Select(a => a.CallId).SingleAsync(Ct);
        var assignment = new ReviewAssignment { CallId = call, ApplicationId = application, ExpertId = expert, Status = AssignmentStatus.Assigned, AssignedAt = app.Clock.GetUtcNow() };
        db.Add(assignment);
        await db.SaveChangesAsync(Ct);
        return assignment.Id;
    });

    private Func<Task> AssignmentUnchanged(int id) => async () =>
    {
        var assignment = await app.WithDbAsync(db => db.Set<ReviewAssignment>().Include(r => r.Sheets).SingleAsync(r => r.Id == id, Ct));
        Assert.Equal((AssignmentStatus.Assigned, 0), (assignment.Status, assignment.Sheets.Count));
    };
}
