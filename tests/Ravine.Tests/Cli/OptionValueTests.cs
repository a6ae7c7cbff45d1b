namespace Ravine.Tests.Cli;

/// <summary>An option given a value it cannot take: one line naming the option, what it takes and what was given.</summary>
public class OptionValueTests
{
    [Theory]
    [InlineData("--max-iters takes a whole number in [0, 2^63), not 'abc'.", "run", "--problem", "quartic-rosenbrock", "--max-iters", "abc")]
    [InlineData("--seed takes a whole number in [0, 2^64), not 'abc'.", "run", "--problem", "quartic-rosenbrock", "--seed", "abc")]
    [InlineData("--seed takes a whole number in [0, 2^64), not '-1'.", "run", "--problem", "quartic-rosenbrock", "--seed", "-1")]
    [InlineData("--seed takes a whole number in [0, 2^64), not '-1'.", "reproduce", "--seed", "-1")]
    [InlineData("--seed takes a whole number in [0, 2^64), not 'x'.", "generate", "single-neuron", "--seed", "x", "--out", "x")]
    [InlineData("--fstar takes a finite number or 'unknown', not 'x'.", "run", "--problem", "quartic-rosenbrock", "--fstar", "x")]
    [InlineData("--checkpoint-every takes a whole number in [0, 2^31), not 'z'.", "run", "--problem", "quartic-rosenbrock", "--checkpoint-every", "z")]
    [InlineData("--runs takes a whole number in [1, 2^31), not 'x'.", "bench", "--runs", "x")]
    [InlineData("--format takes text, markdown or json, not 'xml'.", "reproduce", "--format", "xml")]
    [InlineData("--format takes text, markdown or json, not '1'.", "bench", "--format", "1")]
    [InlineData("--data takes a folder of .npy files, not ''.", "run", "--problem", "single-neuron", "--data", "")]
    [InlineData("--out takes a folder, not ''.", "reproduce", "--out", "")]
    [InlineData("--seed takes a whole number in [0, 2^64), not '-1'.", "compare", "--seed", "-1")]
    [InlineData("--format takes text, markdown or json, not '1'.", "compare", "--format", "1")]
    [InlineData("--seed takes a whole number in [0, 2^64), not 'x'.", "sweep", "--problem", "quartic-rosenbrock", "--method", "gd", "--seed", "x")]
    [InlineData("--format takes text, markdown or json, not 'xml'.", "sweep", "--problem", "quartic-rosenbrock", "--method", "gd", "--format", "xml")]
    [InlineData("--out takes a folder, not ' '.", "sweep", "--problem", "quartic-rosenbrock", "--method", "gd", "--out", " ")]
    public void A_bad_value_exits_2_with_one_line_naming_the_option_and_the_value(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 2, $"exit {code}: {error}\n{output}");
        Assert.Equal($"ravine: {expected}\n", error);
    }
}
