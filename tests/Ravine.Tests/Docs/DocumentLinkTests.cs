using System.Text.RegularExpressions;

namespace Ravine.Tests.Docs;

/// <summary>The documents point only at files the repository holds: a clone has nothing outside it.</summary>
public partial class DocumentLinkTests
{
    private static IEnumerable<string> Documents() =>
        new[] { Path.Combine(RepositoryFiles.Root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md"));

    [Fact]
    public void Every_relative_link_and_path_resolves_inside_the_repository()
    {
        string root = Path.GetFullPath(RepositoryFiles.Root) + Path.DirectorySeparatorChar;
        var broken = new List<string>();
        foreach (string document in Documents())
        {
            string text = File.ReadAllText(document), folder = Path.GetDirectoryName(document)!;
            var links = Link().Matches(text).Select(m => m.Groups[1].Value).Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith('#') && !t.StartsWith("mailto:", StringComparison.Ordinal))
                .Select(t => t.Split('#')[0]);
            // A path written in code style that climbs out of the folder is a link too, for a reader.
            var paths = CodePath().Matches(text).Select(m => m.Groups[1].Value);
            foreach (string target in links.Concat(paths))
            {
                string full = Path.GetFullPath(Path.Combine(folder, target));
                if (!full.StartsWith(root, StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
                    broken.Add($"{Path.GetRelativePath(root, document)}: {target}");
            }
        }
        Assert.True(broken.Count == 0, "Links to nothing in the repository:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Usage_tells_where_every_method_names_its_library_type()
    {
        // The prose names the main methods; the full list with C# types is `ravine methods NAME`, generated from the
        // registry, so a new method needs no edit here. Every public method type must be reachable that way.
        string usage = RepositoryFiles.ReadAllText("docs", "USAGE.md");
        Assert.Contains("`ravine methods NAME` names its C# type", usage, StringComparison.Ordinal);
        var methods = typeof(Ravine.Optimization.IMethod).Assembly.GetExportedTypes()
            .Where(t => typeof(Ravine.Optimization.IMethod).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false }).ToArray();
        Assert.True(methods.Length >= 10);
        Assert.Equal(methods.OrderBy(t => t.Name), Ravine.Methods.MethodRegistry.All.Select(Ravine.Methods.MethodRegistry.LibraryType).OrderBy(t => t.Name));
    }

    [Fact]
    public void The_console_prints_numbers_in_scientific_notation_one_way()
    {
        // Numbers.Sci's 5.60e-02 is the tables' format; .NET's "E3" would print 5.603E-002 beside them.
        var offenders = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "src", "Ravine.Cli"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            .Where(x => DotNetExponent().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}").ToArray();
        Assert.True(offenders.Length == 0, string.Join("\n", offenders));
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`(\.\./[^`\s]+)`")]
    private static partial Regex CodePath();

    [GeneratedRegex(@"(:E\d*\}|ToString\(""E\d*"")")]
    private static partial Regex DotNetExponent();
}
