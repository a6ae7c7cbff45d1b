using System.Text.RegularExpressions;

namespace Ravine.Tests.Architecture;

/// <summary>
/// The namespaces of the two library packages, Ravine (the optimizer) and Ravine.Problems, form layers, each importing
/// only layers below it: the problems build on the optimizer's objectives, never the other way. Read from the sources:
/// a <c>using Ravine.X;</c> or a qualified <c>X.Type</c> reference in a file of namespace Y is an edge Y → X. A
/// namespace that spans both packages (IO: traces and checkpoints in Ravine, .npy and IDX files in Ravine.Problems)
/// is one node, so its layer holds for both halves.
/// </summary>
public partial class NamespaceDependencyTests
{
    /// <summary>Lowest first. The optimizer's namespaces are all below the problems package's own.</summary>
    private static readonly string[] Layers = ["Randomness", "Objectives", "Autodiff", "Optimization", "Analysis", "IO", "Methods", "Training", "Instances", "Problems", "Networks"];

    /// <summary>The namespaces that exist only in Ravine.Problems: the core package can name none of them.</summary>
    private static readonly string[] ProblemsOnly = ["Instances", "Problems", "Networks"];

    [GeneratedRegex(@"^namespace Ravine(?:\.(\w+))?;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using Ravine\.(\w+);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    private static string[] Sources(string project)
    {
        string root = Path.Combine(Docs.RepositoryFiles.Root, "src", project);
        char separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToArray();
    }

    /// <summary>Namespace → the namespaces it imports, over the sources of <paramref name="projects"/>.</summary>
    private static Dictionary<string, HashSet<string>> Edges(params string[] projects)
    {
        var sources = projects.SelectMany(Sources).ToArray();
        var declared = sources.Select(s => NamespaceLine().Match(s).Groups[1].Value).Where(n => n.Length > 0).ToHashSet();
        var qualified = new Regex(@"(?<![\w.])(?:Ravine\.)?(" + string.Join("|", declared.Union(Layers)) + @")\.[A-Z]\w*");
        var edges = declared.ToDictionary(n => n, _ => new HashSet<string>());
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
        var edges = Edges("Ravine", "Ravine.Problems");
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
    public void Every_namespace_imports_only_lower_layers()
    {
        var edges = Edges("Ravine", "Ravine.Problems");
        foreach (var (from, targets) in edges)
        {
            Assert.True(Array.IndexOf(Layers, from) >= 0, $"Ravine.{from} has no layer: place it in {nameof(Layers)}.");
            foreach (string to in targets)
                Assert.True(Array.IndexOf(Layers, to) < Array.IndexOf(Layers, from), $"Ravine.{from} imports Ravine.{to}, a layer above it.");
        }
    }

    [Fact]
    public void The_core_package_names_nothing_of_the_problems_package()
    {
        foreach (var (from, targets) in Edges("Ravine"))
        {
            Assert.DoesNotContain(from, ProblemsOnly);
            Assert.Empty(targets.Intersect(ProblemsOnly));
        }
    }

    [Fact]
    public void The_core_assembly_references_no_problems_assembly()
    {
        var referenced = typeof(Ravine.Optimization.Minimizer).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain("Ravine.Problems", referenced);
        Assert.Contains("Ravine", typeof(Ravine.Problems.ProblemRegistry).Assembly.GetReferencedAssemblies().Select(a => a.Name));
    }
}

/// <summary>The core and problems libraries keep no Orleans dependency: sharding lives in the Ravine.Orleans package.</summary>
public class CoreDependencyTests
{
    [Fact]
    public void The_core_and_problems_libraries_reference_no_Orleans_assembly()
    {
        foreach (var assembly in new[] { typeof(Ravine.Optimization.Minimizer).Assembly, typeof(Ravine.Problems.ProblemRegistry).Assembly })
        {
            var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
            Assert.DoesNotContain(referenced, name => name.StartsWith("Orleans", StringComparison.Ordinal) || name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_core_project_has_no_Orleans_package()
    {
        string project = Docs.RepositoryFiles.ReadAllText("src", "Ravine", "Ravine.csproj");
        Assert.DoesNotContain("Orleans\" Version", project);
        Assert.DoesNotContain("ProjectReference", project);
    }
}
