namespace InnoCluster.Infrastructure.Web;

/// <summary>The named rate limits endpoints and pages take (per client address; figures in Security:SignInPerMinute and SearchPerMinute).</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Search = "search";
}
