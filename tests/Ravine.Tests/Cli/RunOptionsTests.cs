using System.Reflection;
using Ravine.Cli;
using Ravine.Cli.Commands;
using Ravine.Cli.Experiments;
using Ravine.Tests.IO;
using Spectre.Console.Cli;

namespace Ravine.Tests.Cli;

/// <summary>The table of <c>ravine run</c>'s options, and what is made from it: the resume check and the merge over a config file.</summary>
public class RunOptionsTests
{
    private static IEnumerable<CommandOptionAttribute> Flags =>
        typeof(RunCommand.Settings).GetProperties().Select(p => p.GetCustomAttribute<CommandOptionAttribute>()).OfType<CommandOptionAttribute>();

    [Fact]
    public void The_parsed_flags_are_exactly_the_declared_options()
    {
        Assert.Equal(RunOptions.All.Select(o => o.Name).Order(StringComparer.Ordinal), Flags.SelectMany(f => f.LongNames).Order(StringComparer.Ordinal));
        foreach (var flag in Flags)
        {
            var option = RunOptions.All.Single(o => o.Name == flag.LongNames[0]);
            Assert.True((flag.ValueName is null) == (option.ValueName.Length == 0), $"{option.Flag}: the flag and the table disagree on whether it takes a value.");
        }
    }

    [Fact]
    public void Every_run_setting_has_its_own_config_key_and_the_command_line_options_have_none()
    {
        Assert.Equal(RunSettingsJson.Keys, RunOptions.Settings.Select(s => s.Option.Name));
        Assert.Equal(["config", "connect-timeout", "checkpoint-every", "resume", "verbose"], RunOptions.All.Where(o => o.Setting is null).Select(o => o.Name));
    }

    private static (RunCommand.Settings Settings, MethodOptionArguments MethodOptions) Parse(params string[] args)
    {
        var (methodOptions, rest) = MethodOptionArguments.Extract(["run", .. args]);
        var app = new CommandApp();
        RunCommand.Settings? parsed = null;
        app.Configure(c => c.AddCommand<Capture>("run").WithData((Action<RunCommand.Settings>)(s => parsed = s)));
        Assert.Equal(0, app.Run(rest));
        return (parsed!, methodOptions);
    }

    private sealed class Capture : Command<RunCommand.Settings>
    {
        public override int Execute(CommandContext context, RunCommand.Settings settings, CancellationToken cancellationToken)
        {
            ((Action<RunCommand.Settings>)context.Data!)(settings);
            return 0;
        }
    }

    [Fact]
    public void Beside_resume_every_run_setting_is_refused_and_how_to_run_is_not()
    {
        var (settings, _) = Parse("--resume", "r", "--problem", "p", "--fstar", "unknown", "--seed", "1", "--config", "c.json", "--out", "o",
            "--cluster", "h:1", "--checkpoint-every", "5", "--connect-timeout", "3");
        Assert.Equal(["--problem", "--fstar", "--seed", "--out", "--config"], settings.SettingsBesidesResume());
    }

    [Fact]
    public void The_command_line_wins_over_the_config_file()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("run.json");
        File.WriteAllText(path, """{ "problem": "quadratic-sensing", "size": "d=20", "method": "gdpolyak", "eta": 0.5, "fstar": 1, "seed": 7, "patience": 4 }""");
        var (settings, methodOptions) = Parse("--config", path, "-K", "9", "--fstar", "unknown", "--seed", "8");
        Assert.Equal(new RunSettings
        {
            Problem = "quadratic-sensing", Size = "d=20", Method = "gdpolyak", MethodOptions = Experiments.Options.Of("eta", "0.5", "K", "9"),
            OptimalValueUnknown = true, Seed = 8, Patience = 4,
        }, RunCommand.Resolve(settings, methodOptions));
    }

    [Fact]
    public void Another_problem_or_method_on_the_command_line_leaves_the_files_sizes_and_method_options_behind()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("run.json");
        File.WriteAllText(path, """{ "problem": "quadratic-sensing", "size": "d=20", "method": "gdpolyak", "eta": 0.5, "K": 3 }""");
        var (settings, methodOptions) = Parse("--config", path, "--problem", "quartic-rosenbrock", "--method", "adam", "--lr", "0.1");
        Assert.Equal(new RunSettings { Problem = "quartic-rosenbrock", Method = "adam", MethodOptions = Experiments.Options.Of("lr", "0.1") },
            RunCommand.Resolve(settings, methodOptions));
    }

    [Fact]
    public void Without_a_config_file_unset_options_take_the_defaults()
    {
        var (settings, methodOptions) = Parse("--problem", "singular-wood", "--max-iters", "10");
        Assert.Equal(new RunSettings { Problem = "singular-wood", Method = "gdpolyak-adaptive", MaxIterations = 10 }, RunCommand.Resolve(settings, methodOptions));
    }

    [Fact]
    public void A_blank_name_is_refused_by_the_option_that_takes_it()
    {
        Assert.Equal("--out takes a folder, not ' '.", new RunCommand.Settings { Problem = "p", Out = " " }.Validate().Message);
    }
}
