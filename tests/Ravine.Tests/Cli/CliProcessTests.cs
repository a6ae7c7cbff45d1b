using System.Diagnostics;
using Ravine.Instances;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>The built <c>ravine</c> as a child process: exit codes and stderr as a shell sees them.</summary>
public class CliProcessTests
{
    private static (int ExitCode, string Output, string Error) Ravine(params string[] args)
    {
        // The test project references Ravine.Cli, so its dll and runtimeconfig sit next to the test assembly.
        string cli = Path.Combine(AppContext.BaseDirectory, "Ravine.Cli.dll");
        Assert.True(File.Exists(cli), cli);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(cli);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "ravine did not exit");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void NaN_in_the_data_exits_2_with_one_line_naming_the_file_and_no_stack_trace()
    {
        using var folder = new ScratchFolder();
        var data = new InstanceFolder(folder.Root);
        data.Write("x0.npy", [1.5, double.NaN], 2);
        var (code, output, error) = Ravine("run", "--problem", "quartic-rosenbrock", "--data", folder.Root, "--out", Path.Combine(folder.Root, "out"));
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {data.FilePath("x0.npy")}: entry [1] is NaN; instance data must be finite\n", error);
        Assert.DoesNotContain(" at ", output + error);
    }

    [Fact]
    public void A_negative_stepsize_exits_2_with_one_line()
    {
        var (code, _, error) = Ravine("run", "--problem", "quartic-rosenbrock", "--eta", "-1");
        Assert.Equal(2, code);
        Assert.Equal("ravine: --eta takes a number > 0, not '-1'.\n", error);
    }
}
