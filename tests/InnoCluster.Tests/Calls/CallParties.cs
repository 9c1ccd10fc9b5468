using System.Net.Http.Json;
using InnoCluster.Features.Calls;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Calls;

/// <summary>The people of a round, signed in through the API: a registered firm's account, the office, and an expert pool of exactly the experts given.</summary>
public static class CallParties
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A newly registered firm (its name begins with <paramref name="prefix"/>) and a client signed in as its account.</summary>
    public static async Task<(int FirmId, HttpClient Client)> FirmAsync<TTarget>(TestApp<TTarget> app, string prefix)
        where TTarget : DatabaseTarget, new()
    {
        var firmId = await app.WithDbAsync(async db =>
        {
            var firm = new Enterprise { Name = prefix + Guid.NewGuid().ToString("N")[..6], CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
            db.Add(firm);
            await db.SaveChangesAsync(Ct);
            return firm.Id;
        });
        return (firmId, await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: firmId), days: 365));
    }

    public static async Task<HttpClient> OfficeAsync<TTarget>(TestApp<TTarget> app)
        where TTarget : DatabaseTarget, new() =>
        await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]), days: 365);

    /// <summary>Takes every earlier expert out of the pool and adds these, in order; a client signed in as each, by name.</summary>
    public static async Task<IReadOnlyDictionary<string, HttpClient>> OnlyExpertsAsync<TTarget>(TestApp<TTarget> app, HttpClient office, params (string Name, string Affiliation, string[] Fields)[] experts)
        where TTarget : DatabaseTarget, new()
    {
        await app.WithDbAsync(db => db.Set<Expert>().ExecuteUpdateAsync(e => e.SetProperty(x => x.Active, false), Ct));
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (name, affiliation, fields) in experts)
        {
            var account = await TestUsers.CreateAsync(app, [Roles.Expert]);
            await office.PostAsJsonAsync("/api/experts", new { email = account.Email, name, affiliation, fields }, Ct).AnsweredAsync(System.Net.HttpStatusCode.OK);
            clients[name] = await TestUsers.TokenClientAsync(app, account, days: 365);
        }

        return clients;
    }
}
