using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Operations;

/// <summary>
/// The installable package (scripts/package.sh): built once, copied away from the repository, started
/// from another directory with only a connection string, a data directory and ASPNETCORE_URLS — it
/// serves a seeded platform with its styles; a second instance on the same address says why it stops.
/// </summary>
public sealed class PackageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Package_RunsOutsideTheRepository_HonoursAspNetCoreUrls_AndRefusesATakenPortPlainly()
    {
        var work = TestPaths.NewTempDirectory();
        try
        {
            var (built, log) = await ServerProcesses.RunAsync(ServerProcesses.StartInfo("bash", [Path.Combine(TestPaths.RepositoryRoot, "scripts", "package.sh"), Path.Combine(work, "dist")], TestPaths.RepositoryRoot, new Dictionary<string, string>()), TimeSpan.FromMinutes(8));
            Assert.True(built == 0, log);

            // Unpacked somewhere else, as an operator would.
            var install = Path.Combine(work, "opt");
            Directory.CreateDirectory(install);
            Assert.Equal(0, (await ServerProcesses.RunAsync(ServerProcesses.StartInfo("tar", ["-xzf", Path.Combine(work, "dist", "innocluster-linux-x64.tar.gz"), "-C", install], work, new Dictionary<string, string>()), TimeSpan.FromMinutes(2))).Code);
            var binary = Path.Combine(install, "innocluster", "InnoCluster");
            var data = Path.Combine(work, "var");
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(data, "innocluster.db")}",
                ["InnoCluster__DataDirectory"] = data,
                ["ASPNETCORE_URLS"] = ServerProcesses.AnyLoopbackPort,
                ["Security__SecureCookies"] = "false",
            };
            var elsewhere = Path.Combine(work, "elsewhere");
            Directory.CreateDirectory(elsewhere);
            using var server = ServerProcesses.Start(ServerProcesses.StartInfo(binary, [], elsewhere, environment));
            try
            {
                using var http = await server.WaitHealthyAsync(TimeSpan.FromMinutes(3));
                Assert.Contains("苏州市人工智能产业创新集群", await http.GetStringAsync("/plans", Ct), StringComparison.Ordinal);
                using (var css = await http.GetAsync("/css/site.css", Ct))
                {
                    Assert.Equal(HttpStatusCode.OK, css.StatusCode);
                }

                environment["ASPNETCORE_URLS"] = http.BaseAddress!.GetLeftPart(UriPartial.Authority); // the port the first one holds
                var (code, output) = await ServerProcesses.RunAsync(ServerProcesses.StartInfo(binary, [], elsewhere, environment), TimeSpan.FromMinutes(3));
                Assert.Equal(1, code);
                Assert.Contains("address already in use", output, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(Ct);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

/// <summary>The start-up check of the addresses to listen on, without a host.</summary>
public sealed class ListenAddressesTests
{
    [Fact]
    public void FirstTaken_NamesTheAddressAnotherProcessHolds_AndNothingWhenFree()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        Assert.Equal($"http://127.0.0.1:{port}", InnoCluster.Infrastructure.Web.ListenAddresses.FirstTaken($"http://127.0.0.1:0;http://127.0.0.1:{port}"));
        Assert.Equal($"http://localhost:{port}", InnoCluster.Infrastructure.Web.ListenAddresses.FirstTaken($"http://localhost:{port}"));
        holder.Stop();
        Assert.Null(InnoCluster.Infrastructure.Web.ListenAddresses.FirstTaken($"http://127.0.0.1:{port}"));
        Assert.Null(InnoCluster.Infrastructure.Web.ListenAddresses.FirstTaken(null));
    }
}
