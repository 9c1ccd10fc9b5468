namespace InnoCluster.Infrastructure.Web;

/// <summary>The named rate limits endpoints and pages take (per client address; figures in Security:SignInPerMinute and SearchPerMinute).</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Search = "search";

    /// <summary>Writes anyone may make without signing in (an objection to a 公示): the sign-in budget per address.</summary>
    public const string AnonymousWrite = "anonymous-write";
}
