using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>
/// Options that would change nothing are refused with one line saying why, rather than accepted and ignored; and a
/// method that needs a known f* says so when f* is declared unknown.
/// </summary>
public class InertOptionTests
{
    private static string FailsWithOneLine(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 2, $"exit {code}: {error}\n{output}");
        Assert.Single(error.Trim().Split('\n'));
        return error;
    }

    [Theory]
    [InlineData("gd", "0", "--eta", "0.01")]
    [InlineData("lbfgs", "0")]
    [InlineData("adam", "unknown")]
    [InlineData("adgd", "-1")]
    public void Fstar_for_a_method_that_uses_no_f_star_is_refused(string method, string fstar, params string[] options)
    {
        string error = FailsWithOneLine(["run", "--problem", "quartic-rosenbrock", "--method", method, "--fstar", fstar, "--max-iters", "3", .. options]);
        Assert.Contains($"{method} uses no f*", error);
        Assert.Contains("gdpolyak, polyak, gdpolyak-adaptive", error);
    }

    [Fact]
    public void Polyak_with_f_star_unknown_says_it_needs_a_known_f_star_and_which_methods_estimate_one()
    {
        string error = FailsWithOneLine("run", "--problem", "quartic-rosenbrock", "--method", "polyak", "--fstar", "unknown");
        Assert.Contains("polyak needs a known f*", error);
        Assert.Contains("gdpolyak, gdpolyak-adaptive", error);
    }

    [Fact]
    public void Patience_where_only_the_start_is_validated_is_refused_and_accepted_with_validation_every()
    {
        using var scratch = new ScratchFolder();
        string data = Path.Combine(scratch.Root, "noisy");
        var generated = CliRunner.Run("generate", "quadratic-sensing", "--validation", "50", "--noise", "0.01", "--out", data);
        Assert.True(generated.ExitCode == 0, generated.Error);
        // gd takes no long steps: with --validation-every 0 the validation loss is measured at the start only.
        string error = FailsWithOneLine("run", "--problem", "quadratic-sensing", "--data", data, "--method", "gd", "--eta", "0.001", "--patience", "3",
            "--max-iters", "5", "--out", Path.Combine(scratch.Root, "a"));
        Assert.Contains("--patience", error);
        Assert.Contains("--validation-every", error);
        var (code, _, stderr) = CliRunner.Run("run", "--problem", "quadratic-sensing", "--data", data, "--method", "gd", "--eta", "0.001", "--patience", "3",
            "--validation-every", "2", "--max-iters", "5", "--out", Path.Combine(scratch.Root, "b"));
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void Patience_without_held_out_data_names_the_missing_data_rather_than_an_option_that_would_not_help()
    {
        // --validation-every would be refused next for want of held-out data: the first answer must be the one that helps.
        string error = FailsWithOneLine("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--eta", "0.01", "--patience", "3", "--max-iters", "3");
        Assert.Contains("held-out data", error);
        Assert.DoesNotContain("add --validation-every", error);
    }
}
