using Ravine.Examples;

namespace Ravine.Tests.Docs;

public class TensorProgramExampleTests
{
    [Fact]
    public void The_usage_example_checks_its_gradient_and_fits_the_teacher()
    {
        var output = new StringWriter();
        var (result, initialLoss) = TensorProgramExample.Run(output);
        Assert.StartsWith("Gradient check of 16/16 coordinates", output.ToString());
        Assert.True(result.Value <= 1e-8 * initialLoss, output.ToString());
        Assert.Contains("curvature along the gradient", output.ToString());
    }

    [Fact]
    public void The_tensor_program_example_in_USAGE_is_identical_to_the_compiled_file()
    {
        var usage = RepositoryFiles.ReadAllText("docs", "USAGE.md").ReplaceLineEndings("\n");
        const string marker = "<!-- docs/examples/TensorProgramObjective.cs -->\n```csharp\n";
        int start = usage.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "USAGE.md has no block of docs/examples/TensorProgramObjective.cs");
        start += marker.Length;
        int stop = usage.IndexOf("```\n", start, StringComparison.Ordinal);
        var file = RepositoryFiles.ReadAllText("docs", "examples", "TensorProgramObjective.cs").ReplaceLineEndings("\n");
        Assert.Equal(file, usage[start..stop]);
    }
}
