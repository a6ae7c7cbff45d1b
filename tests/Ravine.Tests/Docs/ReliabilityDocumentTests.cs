using System.Reflection;
using System.Text.RegularExpressions;

namespace Ravine.Tests.Docs;

/// <summary>docs/RELIABILITY.md cites a test for every failure mode; each cited test must exist.</summary>
public partial class ReliabilityDocumentTests
{
    [GeneratedRegex(@"`(?<class>[A-Za-z]\w*Tests)\.(?<method>\w+)`")]
    private static partial Regex CitedTest();

    [Fact]
    public void Every_test_cited_in_RELIABILITY_md_exists()
    {
        string text = RepositoryFiles.ReadAllText("docs", "RELIABILITY.md");
        var tests = typeof(ReliabilityDocumentTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet();
        var cited = CitedTest().Matches(text).Select(m => $"{m.Groups["class"].Value}.{m.Groups["method"].Value}").Distinct().ToArray();
        Assert.True(cited.Length >= 40, $"only {cited.Length} tests cited");
        var missing = cited.Where(name => !tests.Contains(name)).ToArray();
        Assert.True(missing.Length == 0, $"RELIABILITY.md cites tests that do not exist: {string.Join(", ", missing)}");
    }
}
