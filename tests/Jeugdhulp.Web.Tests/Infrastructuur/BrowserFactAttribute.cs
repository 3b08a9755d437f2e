namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// An end-to-end test in Debian's Chromium. Without <c>/usr/bin/chromium</c> it is skipped with the reason,
/// except in CI (CI=true), where it runs and fails: CI must never skip the browser tests silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(Chromium) && !ci)
        {
            Skip = $"Browser test skipped: {Chromium} is missing. Install it with `apt-get install -y chromium` (as root; .ci/run does). In CI (CI=true) this test fails instead.";
        }
    }
}
