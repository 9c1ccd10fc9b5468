namespace InnoCluster.Infrastructure.Web;

/// <summary>Where a switch (language, large text) sends the reader back to.</summary>
public static class ReturnUrl
{
    /// <summary>
    /// A path on this site only, as ASP.NET's IsLocalUrl judges it: "/search?q=人工智能" stays, while "//evil",
    /// "/\evil", absolute addresses and anything with a control character become "/".
    /// </summary>
    public static string Local(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
        && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
