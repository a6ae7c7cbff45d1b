using Ravine.Methods;

namespace Ravine.Tests.Cli;

public class MethodsCommandTests
{
    [Fact]
    public void Methods_lists_every_registered_method_and_its_flags()
    {
        var (code, output, error) = CliRunner.Run("methods");
        Assert.True(code == 0, error);
        foreach (var method in MethodRegistry.All)
        {
            Assert.Contains(method.Name, output);
            foreach (var option in method.Options) Assert.Contains(option.Flag, output);
        }
    }

    [Fact]
    public void Methods_NAME_names_the_csharp_type_of_every_method()
    {
        foreach (var method in MethodRegistry.All)
        {
            var (code, output, error) = CliRunner.Run("methods", method.Name);
            Assert.True(code == 0, error);
            Assert.Contains($"In C#: {MethodRegistry.LibraryType(method).FullName}", output);
        }
    }

    [Fact]
    public void Methods_NAME_lists_its_options_with_defaults_and_domains()
    {
        var (code, output, _) = CliRunner.Run("methods", "adam");
        Assert.Equal(0, code);
        Assert.Contains("--beta1", output);
        Assert.Contains("0.999", output);
        Assert.Contains("a number in [0, 1)", output);
    }

    [Fact]
    public void An_unknown_method_exits_2_listing_the_known_ones()
    {
        var (code, _, error) = CliRunner.Run("methods", "sgd");
        Assert.Equal(2, code);
        Assert.Contains("Known methods: gdpolyak", error);
    }
}
