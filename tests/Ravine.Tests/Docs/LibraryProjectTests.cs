using System.Diagnostics;
using Ravine.Examples;
using Ravine.IO;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Docs;

/// <summary>
/// README's two ways to use the library from a project of one's own, built and run as a user would: docs/examples/MyApp
/// (ProjectReferences to src/Ravine and src/Ravine.Problems) and docs/examples/MyAppFromPackage (PackageReferences to the
/// packages that <c>dotnet pack</c> makes of them, from a folder used as the only package source). And the figure example of
/// docs/USAGE.md.
/// </summary>
public class LibraryProjectTests
{
    // The configuration these tests were built in: the ProjectReference uses the library built beside them.
    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    [Fact]
    public async Task The_example_project_builds_and_runs_with_a_project_reference_and_with_the_packed_package()
    {
        using var scratch = new ScratchFolder();
        string root = RepositoryFiles.Root, feed = Path.Combine(scratch.Root, "feed");
        string myApp = Path.Combine(root, "docs", "examples", "MyApp"), fromPackage = Path.Combine(root, "docs", "examples", "MyAppFromPackage");
        string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // The two builds side by side. The library is already built (the tests reference it): the ProjectReference
        // build does not build it again, and the pack takes its output as it is.
        var byReference = Task.Run(() => Dotnet("build", Path.Combine(myApp, "MyApp.csproj"), "-c", Configuration, "-p:BuildProjectReferences=false"));
        var byPackage = Task.Run(() =>
        {
            Dotnet("pack", Path.Combine(root, "src", "Ravine", "Ravine.csproj"), "-c", Configuration, "--no-build", "--no-restore", "-o", feed);
            Dotnet("pack", Path.Combine(root, "src", "Ravine.Problems", "Ravine.Problems.csproj"), "-c", Configuration, "--no-build", "--no-restore", "-o", feed);
            // The packed folder is the only source of Ravine (a package of that name elsewhere cannot stand in), and the
            // package goes into a scratch cache, not the machine's: the machine's copy would be the first one ever packed.
            Dotnet("build", Path.Combine(fromPackage, "MyAppFromPackage.csproj"), "-c", Configuration,
                $"-p:RestoreSources={feed}%3B{globalPackages}", $"-p:RestorePackagesPath={Path.Combine(scratch.Root, "packages")}");
        });
        await Task.WhenAll(byReference, byPackage);
        Assert.True(File.Exists(Path.Combine(scratch.Root, "packages", "ravine", "0.1.0", "lib", "net10.0", "Ravine.dll")), "restored from the packed folder");
        Assert.True(File.Exists(Path.Combine(scratch.Root, "packages", "ravine.problems", "0.1.0", "lib", "net10.0", "Ravine.Problems.dll")), "restored from the packed folder");

        foreach (var (folder, name) in new[] { (myApp, "MyApp"), (fromPackage, "MyAppFromPackage") })
        {
            string csv = Path.Combine(scratch.Root, name + ".csv");
            string output = Dotnet(Path.Combine(folder, "bin", Configuration, "net10.0", name + ".dll"), csv);
            Assert.Contains("GapTolerance", output);
            var trace = TraceCsv.Read(new StringReader(File.ReadAllText(csv)));
            Assert.Contains($"{trace.Count} rows written to {csv}", output);
            Assert.True(trace.Gap[trace.Count - 1] <= 1e-20, $"{name}: final gap {trace.Gap[trace.Count - 1]}");
        }
    }

    [Fact]
    public void The_figure_example_draws_the_gap_of_a_run_as_a_png()
    {
        using var scratch = new ScratchFolder();
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], new GdPolyak(0.0125, 100, 20, 0), new MinimizeOptions());
        string png = Path.Combine(scratch.Root, "gap.png");
        TraceFigure.SaveGap(result.Trace, png);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");
    }

    [Fact]
    public void The_figure_example_in_USAGE_is_identical_to_the_compiled_file()
    {
        const string marker = "<!-- docs/examples/TraceFigure.cs -->\n```csharp\n";
        string usage = RepositoryFiles.ReadAllText("docs", "USAGE.md").ReplaceLineEndings("\n");
        int start = usage.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "USAGE.md has no block of docs/examples/TraceFigure.cs");
        start += marker.Length;
        string block = usage[start..(usage.IndexOf("\n```\n", start, StringComparison.Ordinal) + 1)];
        Assert.Equal(RepositoryFiles.ReadAllText("docs", "examples", "TraceFigure.cs").ReplaceLineEndings("\n"), block);
    }

    /// <summary>Runs the dotnet host with <paramref name="args"/> and returns its stdout; fails with its output on a non-zero exit.</summary>
    private static string Dotnet(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        if (args[0] is "build" or "pack")
            foreach (string arg in new[] { "-nologo", "-v:q", "--disable-build-servers" }) start.ArgumentList.Add(arg);
        // The test host's MSBuild settings would steer the child's build; a user's shell has none.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"dotnet {string.Join(' ', args)} did not finish");
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited {process.ExitCode}:\n{output}\n{error.Result}");
        return output;
    }
}
