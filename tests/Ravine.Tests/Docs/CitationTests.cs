namespace Ravine.Tests.Docs;

public class CitationTests
{
    // Checked against the arXiv listing of 2409.19791 (Davis, Drusvyatskiy, Jiang); an invented title once stood in the docs.
    private const string GdPolyakTitle = "Gradient descent with adaptive stepsize converges (nearly) linearly under fourth-order growth";

    [Fact]
    public void Every_citation_of_the_GdPolyak_paper_gives_its_real_title()
    {
        var root = RepositoryFiles.Root;
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "README.md"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        int citations = 0;
        foreach (string file in files)
        {
            string text = string.Join(" ", File.ReadAllText(file).Split((char[])['\n', '\r', ' ', '/', '\t'], StringSplitOptions.RemoveEmptyEntries));
            Assert.DoesNotContain("star-convex", text);
            if (!text.Contains("2409.19791")) continue;
            citations++;
            Assert.True(text.Contains(GdPolyakTitle), $"{Path.GetRelativePath(root, file)} cites arXiv 2409.19791 without its title");
        }
        Assert.True(citations >= 2, "GdPolyak.cs and README.md cite the paper");
    }
}
