namespace Ravine.Tests.Cli;

/// <summary>
/// A fact that needs Debian's Chromium at <see cref="Path"/>. Where it is missing, the test is reported as skipped with
/// the reason (decided at discovery), never silently passed. <c>.ci/run</c> installs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactNeedsChromiumAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public FactNeedsChromiumAttribute()
    {
        if (!File.Exists(Path))
            Skip = $"Chromium is not installed at {Path} (Debian: apt-get install chromium), so the report cannot be rendered.";
    }
}
