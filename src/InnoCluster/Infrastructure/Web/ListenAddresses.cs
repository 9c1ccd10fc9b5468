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

            try
            {
                using var probe = new TcpListener(address, uri.Port) { ExclusiveAddressUse = true };
                probe.Start();
                probe.Stop();
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return url;
            }
        }

        return null;
    }
}
