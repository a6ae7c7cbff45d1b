using System.Text.RegularExpressions;

namespace Ravine.Tests.Architecture;

/// <summary>
/// The library's namespaces form layers (Randomness, IO ← Instances; Objectives ← Optimization ← Methods; Problems on
/// top): no two import each other, directly or around a cycle. Read from the sources: a <c>using Ravine.X;</c> or a
/// qualified <c>X.Type</c> reference in a file of namespace Y is an edge Y → X.
/// </summary>
public partial class NamespaceDependencyTests
{
    [GeneratedRegex(@"^namespace Ravine(?:\.(\w+))?;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using Ravine\.(\w+);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    private static Dictionary<string, HashSet<string>> Edges()
    {
        string root = Path.Combine(Docs.RepositoryFiles.Root, "src", "Ravine");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToArray();
        var sources = files.Select(File.ReadAllText).ToArray();
        var namespaces = sources.Select(s => NamespaceLine().Match(s).Groups[1].Value).Where(n => n.Length > 0).ToHashSet();
        var qualified = new Regex(@"(?<![\w.])(?:Ravine\.)?(" + string.Join("|", namespaces) + @")\.[A-Z]\w*");
        var edges = namespaces.ToDictionary(n => n, _ => new HashSet<string>());
        foreach (string source in sources)
        {
            string from = NamespaceLine().Match(source).Groups[1].Value;
            if (from.Length == 0) continue;
            foreach (Match m in UsingLine().Matches(source)) edges[from].Add(m.Groups[1].Value);
            foreach (Match m in qualified.Matches(source)) edges[from].Add(m.Groups[1].Value);
            edges[from].Remove(from);
        }
        return edges;
    }

    [Fact]
    public void The_library_namespaces_have_no_import_cycle()
    {
        var edges = Edges();
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        void Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (string next in edges.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                    Assert.Fail("Import cycle: " + string.Join(" → ", path.SkipWhile(n => n != next).Append(next)));
                if (state.GetValueOrDefault(next) == 0) Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
        }
        foreach (string node in edges.Keys)
            if (state.GetValueOrDefault(node) == 0) Visit(node);
    }

    [Fact]
    public void The_lowest_layers_import_no_higher_one()
    {
        var edges = Edges();
        Assert.DoesNotContain("IO", edges["Optimization"]);
        Assert.DoesNotContain("Problems", edges["Instances"]);
        Assert.Empty(edges["Randomness"]);
    }
}

/// <summary>The core library keeps no Orleans dependency: sharding lives in the Ravine.Orleans package.</summary>
public class CoreDependencyTests
{
    [Fact]
    public void The_core_library_references_no_Orleans_assembly()
    {
        var referenced = typeof(Ravine.Optimization.Minimizer).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.DoesNotContain(referenced, name => name.StartsWith("Orleans", StringComparison.Ordinal) || name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
    }

    [Fact]
    public void The_core_project_has_no_Orleans_package()
    {
        string project = Docs.RepositoryFiles.ReadAllText("src", "Ravine", "Ravine.csproj");
        Assert.DoesNotContain("Orleans\" Version", project);
        Assert.DoesNotContain("ProjectReference", project);
    }
}
