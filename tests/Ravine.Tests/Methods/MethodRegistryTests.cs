using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

public class MethodRegistryTests
{
    [Fact]
    public void Unknown_names_are_rejected_with_the_list_of_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => MethodRegistry.Find("sgd"));
        Assert.Equal("method", e.ParamName);
        Assert.Contains("gdpolyak, gd, polyak", e.Message);
    }

    [Fact]
    public void Names_are_matched_ignoring_case_and_are_unique()
    {
        Assert.Same(GdPolyak.Descriptor, MethodRegistry.Find("GDPolyak"));
        Assert.Equal(MethodRegistry.Names.Count, MethodRegistry.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_method_at_its_defaults_plus_a_stepsize_cuts_f_a_thousandfold_on_the_quartic_rosenbrock()
    {
        foreach (var descriptor in MethodRegistry.All)
        {
            var given = descriptor.Options.Where(o => o.Required).ToDictionary(o => o.Key, o => o.Key == "eta" ? "0.0125" : o.Key == "K" ? "100" : "1");
            var method = descriptor.Create(given, optimalValue: 0);
            var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], method, new MinimizeOptions { MaxIterations = 5050 });
            // f(x0) = 47.9; Adam at its conventional learning rate 1e-3 is the slowest (about 0.02 after 5,050 steps).
            Assert.True(result.BestValue < 1e-3 * result.Trace.Value[0], $"{descriptor.Name}: {result}");
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Summary));
        }
    }

    [Fact]
    public void Each_method_declares_its_stepsize_tunable_on_a_log_scale_and_nothing_else()
    {
        foreach (var descriptor in MethodRegistry.All)
        {
            var tuned = descriptor.Options.Where(o => o.Tuning != TuningScale.None).ToArray();
            var stepsizes = descriptor.Options.Where(o => o.Kind == OptionKind.Real && o.Key is "eta" or "lr").ToArray();
            Assert.Equal(stepsizes, tuned);
            Assert.All(tuned, o => Assert.Equal(TuningScale.Logarithmic, o.Tuning));
        }
        Assert.Equal(TuningScale.None, MethodOption.Positive("eta", "η").Tuning);
    }

    [Fact]
    public void A_required_option_without_a_value_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => GradientDescent.Descriptor.Create());
        Assert.Equal("eta", e.ParamName);
        Assert.StartsWith("gd needs --eta (η, the constant stepsize (about 1/L)): a number > 0.", e.Message);
    }

    [Fact]
    public void Caller_defaults_fill_what_the_user_leaves_out_and_lose_to_what_the_user_gives()
    {
        var defaults = new Dictionary<string, string> { ["eta"] = "0.5", ["K"] = "7", ["epochs"] = "3", ["lr"] = "9" };
        var arguments = GdPolyak.Descriptor.Resolve(new Dictionary<string, string> { ["K"] = "11" }, defaults, optimalValue: 0);
        Assert.Equal(new GdPolyak(0.5, 11, 3, 0), GdPolyak.Descriptor.Create(arguments));
    }

    [Fact]
    public void Methods_that_use_no_optimal_value_do_not_record_one()
    {
        Assert.Null(Adam.Descriptor.Resolve(optimalValue: 2).OptimalValue);
        Assert.Equal(2, PolyakStep.Descriptor.Resolve(optimalValue: 2).OptimalValue);
        Assert.Equal("fstar", Assert.Throws<ArgumentException>(() => PolyakStep.Descriptor.Create()).ParamName);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("NaN")]
    [InlineData("0")]
    [InlineData("abc")]
    public void Non_finite_zero_and_malformed_stepsizes_are_refused(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => GradientDescent.Descriptor.Create(new Dictionary<string, string> { ["eta"] = text }));
        Assert.Equal($"--eta takes a number > 0, not '{text}'.", e.Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public void Integer_options_take_whole_numbers_written_either_way_and_refuse_fractions()
    {
        Assert.Equal(3L, LBfgs.Descriptor.Option("memory")!.Parse("3"));
        Assert.Equal(3L, LBfgs.Descriptor.Option("memory")!.Parse("3.0"));
        Assert.Throws<ArgumentException>(() => LBfgs.Descriptor.Option("memory")!.Parse("2.5"));
        Assert.Throws<ArgumentException>(() => LBfgs.Descriptor.Option("memory")!.Parse("0"));
        Assert.Throws<ArgumentException>(() => LBfgs.Descriptor.Option("memory")!.Parse("99999999999"));
    }

    [Fact]
    public void Resolved_values_format_back_to_text_that_parses_to_the_same_bits()
    {
        double awkward = Math.Pow(2, -25);
        var option = GradientDescent.Descriptor.Option("eta")!;
        Assert.Equal(awkward, (double)option.Parse(MethodDescriptor.Format(awkward)));
    }
}
