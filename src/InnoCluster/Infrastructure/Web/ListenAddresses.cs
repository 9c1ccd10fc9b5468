using System.Net;
using System.Net.Sockets;

namespace InnoCluster.Infrastructure.Web;

/// <summary>The addresses the server is told to listen on (ASPNETCORE_URLS, --urls), checked before start.</summary>
public static class ListenAddresses
{
    /// <summary>Whether the app listens on sockets at all (Kestrel); an in-process test server does not.</summary>
    public static bool IsKestrel(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().GetType().Namespace?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true;

    /// <summary>The first configured address another process already holds, or null when all are free.</summary>
    public static string? FirstTaken(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // http://*:80, http://+:80 and http://0.0.0.0:80 mean every interface.
            var parsable = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;
            }

            var address = uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null;
            if (address is null)
            {
                continue;
            }

            // A process that holds the address holds it still a moment later; a probe of another starting
            // instance (tests start several in parallel) does not.
            if (!CanBind(address, uri.Port) && !SleepThenCanBind(address, uri.Port))
            {
                return url;
            }
        }

        return null;
    }

    private static bool SleepThenCanBind(IPAddress address, int port)
    {
        Thread.Sleep(250);
        return CanBind(address, port);
    }

    private static bool CanBind(IPAddress address, int port)
    {
        try
        {
            using var probe = new TcpListener(address, port) { ExclusiveAddressUse = true };
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }
}
