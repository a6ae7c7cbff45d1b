using Ravine.Cli.Output;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>
/// The default output folder (<c>ravine-results/run-&lt;UTC timestamp&gt;</c>) of commands started at the same time:
/// each gets its own, made on the spot, never one another's.
/// </summary>
public class DefaultResultsFolderTests
{
    [Fact]
    public void Default_folders_made_at_the_same_time_are_distinct_and_exist()
    {
        using var scratch = new ScratchFolder();
        const int Count = 24;
        var folders = new string[Count];
        using var start = new Barrier(Count);
        // Threads, not tasks: all of them must be inside Default at once, which a busy thread pool would not give.
        var threads = Enumerable.Range(0, Count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            folders[i] = ResultsFolder.Default(scratch.Root, "run-");
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        Assert.Equal(Count, folders.Distinct(StringComparer.Ordinal).Count());
        Assert.All(folders, folder => Assert.True(Directory.Exists(folder), folder));
    }

    [Fact]
    public void A_default_folder_is_never_one_that_exists_already()
    {
        using var scratch = new ScratchFolder();
        string first = ResultsFolder.Default(scratch.Root, "run-");
        File.WriteAllText(Path.Combine(first, "notes.txt"), "mine");
        string second = ResultsFolder.Default(scratch.Root, "run-");
        Assert.NotEqual(first, second);
        Assert.Equal(["notes.txt"], Directory.EnumerateFiles(first).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')));
    }

    [Fact]
    public void Default_files_named_at_the_same_time_are_distinct_and_exist()
    {
        using var scratch = new ScratchFolder();
        const int Count = 24;
        var files = new string[Count];
        using var start = new Barrier(Count);
        var threads = Enumerable.Range(0, Count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            files[i] = ResultsFolder.DefaultFile(scratch.Root, "bench-", ".json");
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        Assert.Equal(Count, files.Distinct(StringComparer.Ordinal).Count());
        Assert.All(files, file => Assert.True(File.Exists(file), file));
        Assert.All(files, file => Assert.EndsWith(".json", file, StringComparison.Ordinal));
    }
}
