namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// Where a sign-in may send the person afterwards: a path of this site, never another site. Browsers forgive a great
/// deal in a Location header (they drop tabs and line breaks, read "\" as "/"), so anything that could become a
/// second slash, a scheme or a host is refused, not cleaned.
/// </summary>
public static class ReturnUrl
{
    public const string Home = "/";

    /// <summary>The return URL when it is a plain path of this site; otherwise the home page.</summary>
    public static string LocalOrHome(string? returnUrl) => IsLocalPath(returnUrl) ? returnUrl! : Home;

    public static bool IsLocalPath(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl.Length <= 2048
        && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'))
        && !returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');
}
