using Ravine.Cli.Commands;
using Ravine.Cli.Output;
using Ravine.Instances;
using Ravine.IO;
using Ravine.Methods;
using Ravine.Problems;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli;

/// <summary>The <c>ravine</c> command line: one command per file under Commands/.</summary>
internal static class RavineApp
{
    /// <summary>Exit code of a run whose paper claims did not all hold.</summary>
    public const int ClaimFailed = 1;

    /// <summary>Exit code of bad arguments.</summary>
    public const int BadArguments = 2;

    /// <summary>Exit code of a <c>run</c> that ended in numerical failure (<see cref="Optimization.StopReasonExtensions.IsFailure"/>: diverged, a non-finite value, gradient or step, a failed line search).</summary>
    public const int RunFailed = 4;

    /// <summary>Exit code of any other error (for example an unwritable output folder).</summary>
    public const int Failed = 3;

    /// <summary>Exit code of a run cancelled with Ctrl+C (the shell's convention for SIGINT); 143 after SIGTERM (see <see cref="Interruption"/>).</summary>
    public const int Cancelled = Interruption.SigIntExitCode;

    /// <summary>Runs the command line; cancelling <paramref name="cancellationToken"/> acts as Ctrl+C.</summary>
    public static int Run(IAnsiConsole console, TextWriter error, IEnumerable<string> args, CancellationToken cancellationToken = default) =>
        Run(console, error, args, Interruption.From(cancellationToken));

    /// <summary>
    /// Runs the command line with <see cref="Create"/>'s app. A <c>run</c>'s method options (<c>--eta</c>, <c>-K</c>,
    /// <c>--lr</c>, …: see <see cref="MethodOptionArguments"/>) are taken out first. <c>--verbose</c>, anywhere, adds
    /// the stack trace to an error's one line.
    /// </summary>
    public static int Run(IAnsiConsole console, TextWriter error, IEnumerable<string> args, Interruption interruption) =>
        Run(console, new StatusOutput(console, error), error, args, interruption);

    /// <summary>As <see cref="Run(IAnsiConsole, TextWriter, IEnumerable{string}, Interruption)"/>, with progress and notes where <paramref name="status"/> says.</summary>
    public static int Run(IAnsiConsole console, StatusOutput status, TextWriter error, IEnumerable<string> args, Interruption interruption) =>
        Run(console, status, error, args, interruption, checkOnly: false);

    /// <summary>
    /// Parses the command line and checks the command's settings as the command does before any work (see
    /// <see cref="PlanCheck"/>), then stops: 0 when they are valid, else the command's exit code and error line.
    /// </summary>
    internal static int CheckOnly(IAnsiConsole console, TextWriter error, IEnumerable<string> args) =>
        Run(console, new StatusOutput(console, error), error, args, Interruption.From(CancellationToken.None), checkOnly: true);

    private static int Run(IAnsiConsole console, StatusOutput status, TextWriter error, IEnumerable<string> args, Interruption interruption, bool checkOnly)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        var list = args.ToList();
        bool verbose = list.Remove("--verbose");
        MethodOptionArguments methodOptions;
        IReadOnlyList<string> rest;
        try
        {
            (methodOptions, rest) = MethodOptionArguments.Extract(list);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"ravine: {Flatten(e)}");
            return BadArguments;
        }
        var app = Create(console, error, interruption, verbose, methodOptions, status, only: rest.Count > 0 ? rest[0] : null, checkOnly: checkOnly);
        if (rest.Count > 0) return app.Run(rest, interruption.Token);
        // No command is a usage error: the help says what to type, the exit code that nothing was done.
        app.Run(["--help"], interruption.Token);
        return BadArguments;
    }

    /// <summary>
    /// The app writing to <paramref name="console"/>, with one-line errors on <paramref name="error"/>. With
    /// <paramref name="only"/> the name of a command, only that command is registered: Spectre.Console.Cli builds its
    /// model of every registered command's options by reflection on each start, and a command's own parsing and help
    /// do not depend on the others. Any other first argument (none, <c>--help</c>, a typo) gets them all, so the help
    /// and the "unknown command" error still list every command.
    /// </summary>
    public static CommandApp Create(IAnsiConsole console, TextWriter error, Interruption? interruption = null, bool verbose = false, MethodOptionArguments? methodOptions = null,
        StatusOutput? status = null, string? only = null, bool checkOnly = false, Training.TrainingModels? models = null)
    {
        bool known = only is not null && Commands.Any(c => c.Name == only);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ravine");
            config.SetApplicationVersion(Experiments.ResultsHeader.LibraryVersion);
            config.UseStrictParsing();
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance(console);
            config.Settings.Registrar.RegisterInstance(status ?? new StatusOutput(console, error));
            config.Settings.Registrar.RegisterInstance(interruption ?? Interruption.From(CancellationToken.None));
            config.Settings.Registrar.RegisterInstance(methodOptions ?? MethodOptionArguments.None);
            config.Settings.Registrar.RegisterInstance(new Verbosity(verbose));
            config.Settings.Registrar.RegisterInstance(models ?? Training.TrainingModels.BuiltIn);
            if (checkOnly) config.SetInterceptor(new PlanCheck(methodOptions ?? MethodOptionArguments.None));
            foreach (var command in Commands)
                if (!known || command.Name == only) command.Add(config);
            config.SetExceptionHandler((exception, _) =>
            {
                if (exception is PlanCheck.Checked || exception.InnerException is PlanCheck.Checked) return 0;
                // One line, no stack trace: the message says what was wrong (and, for bad input files, which file).
                // Parallel runs that fail alike throw one AggregateException: its one cause decides, as it would alone.
                var cause = exception is AggregateException { InnerExceptions.Count: > 0 } aggregate && aggregate.InnerExceptions.Select(e => e.Message).Distinct().Count() == 1
                    ? aggregate.InnerExceptions[0] : exception;
                bool badArguments = cause is CommandAppException or ArgumentException or FormatException
                    or NpyFormatException or InstanceDataException or FileNotFoundException or DirectoryNotFoundException;
                error.WriteLine($"ravine: {Flatten(exception)}");
                if (verbose) error.WriteLine(exception.ToString());
                return badArguments ? BadArguments : Failed;
            });
        });
        return app;
    }

    /// <summary>The commands, in the order the help lists them: each one's name and how it is added to the app.</summary>
    private static readonly (string Name, Action<IConfigurator> Add)[] Commands =
    [
        ("reproduce", c => c.AddCommand<ReproduceCommand>("reproduce")
            .WithDescription("Run the published experiments (GDPolyak, GD, Polyak on every problem); write traces, figures and a report; check the paper's claims " +
                             "(they need gdpolyak, gd and polyak; with --quick they are printed but do not set the exit code).")
            .WithExample("reproduce")
            .WithExample("reproduce", "--quick", "--out", "smoke")
            .WithExample("reproduce", "--problems", "quartic-rosenbrock", "--format", "markdown")),
        ("run", c => c.AddCommand<RunCommand>("run")
            .WithDescription(RunDescription())
            .WithExample("run", "--problem", "quartic-rosenbrock", "--method", "gdpolyak")
            .WithExample("run", "--problem", "quadratic-sensing", "--method", "gdpolyak", "--eta", "0.05", "-K", "300", "--epochs", "20")
            .WithExample("run", "--problem", "matrix-factorization", "--method", "adam", "--lr", "0.01")
            .WithExample("run", "--problem", "single-neuron", "--data", "my-instance", "--method", "polyak", "--out", "res")
            .WithExample("run", "--config", "run.json")
            .WithExample("run", "--resume", "ravine-results/run-20261129-031500")
            .WithExample("run", "--cluster", "127.0.0.1:30000", "--shards", "4", "--problem", "quadratic-sensing", "--method", "gdpolyak")),
        ("train", c => c.AddCommand<TrainCommand>("train")
            .WithDescription("Train a model with mini-batches: one or more stochastic methods (stochastic-gdpolyak, sgd-momentum, adam, spsmax, dog, schedule-free-sgd) and seeds; a trace, checkpoint and summary per run, figures, a report, the time-to-accuracy table and, with --lanczos-every, the ravine measured by Lanczos. See docs/NETWORKS.md.\n" +
                             $"Models (on the full Fashion-MNIST): {string.Join("; ", Ravine.Networks.NetworkModels.Names.Select(n => $"{n}: {Ravine.Networks.NetworkModels.Describe(n)}"))}.")
            .WithExample("train", "--model", "mlp", "--method", "adam")
            .WithExample("train", "--model", "cnn", "--methods", "\"adam,sgd-momentum,stochastic-gdpolyak\"", "--seeds", "3", "--epochs", "10")
            .WithExample("train", "--model", "mlp", "--method", "\"stochastic-gdpolyak K=200 judge=4096\"", "--lanczos-every", "5")
            .WithExample("train", "--resume", "ravine-results/train-20261207-070000")),
        ("worker", c => c.AddCommand<WorkerCommand>("worker")
            .WithDescription("Serve shards of sharded runs (run --cluster HOST:G --shards N): an Orleans silo that joins a cluster (the first worker is the primary; the others name it with --primary). Runs until Ctrl+C. See docs/DISTRIBUTED.md.")
            .WithExample("worker", "--silo-port", "11111", "--gateway-port", "30000")
            .WithExample("worker", "--silo-port", "11112", "--gateway-port", "30001", "--primary", "127.0.0.1:11111")),
        ("bench", c => c.AddCommand<BenchCommand>("bench")
            .WithDescription("Time what reproduce runs (median of N runs per problem and method, one at a time): wall time, oracle calls/s, GFLOP/s; a table and a JSON file to compare machines.")
            .WithExample("bench")
            .WithExample("bench", "--problems", "quadratic-sensing", "--runs", "5", "--out", "timings.json")),
        ("compare", c => c.AddCommand<CompareCommand>("compare")
            .WithDescription("Compare methods × problems × seeds within one oracle-call budget: success rates at target gaps, calls and time to them, divergences; CSV, JSON, performance and data profiles, an HTML report. See docs/COMPARE.md.")
            .WithExample("compare", "--quick")
            .WithExample("compare", "--methods", "gdpolyak,polyak,lbfgs", "--problems", "quadratic-sensing,cragg-levy", "--seeds", "5")
            .WithExample("compare", "--tune", "--format", "markdown")),
        ("sweep", c => c.AddCommand<SweepCommand>("sweep")
            .WithDescription("One method on one problem over a grid of its options (default: η log-spaced × K): heatmaps of the best gap and of the calls to a target, PNG, SVG and CSV. See docs/COMPARE.md.")
            .WithExample("sweep", "--problem", "quadratic-sensing", "--method", "gdpolyak")
            .WithExample("sweep", "--problem", "cragg-levy", "--method", "gdpolyak", "--grid", "eta=1e-4:1:6", "--grid", "K=10:1000:5")
            .WithExample("sweep", "--problem", "beale", "--method", "adam", "--grid", "lr=1e-4:1:9")),
        ("versus", c => c.AddCommand<VersusCommand>("versus")
            .WithDescription("Oracle calls a challenger needs to reach what a reference reaches, per problem and seed (default: gdpolyak-adaptive at its defaults against the published GDPolyak).")
            .WithExample("versus")
            // Spectre prints an example's arguments as they are given, joined by spaces: a SPEC of several words carries its quotes.
            .WithExample("versus", "--reference", "gdpolyak", "--challenger", "\"gdpolyak-adaptive window=5\"", "--format", "markdown")
            .WithExample("versus", "--problems", "singular-wood", "--reference", "\"gdpolyak eta=1e-4 K=100 epochs=100\"", "--target", "1e-10")
            .WithExample("versus", "--problems", "all", "--reference", "gdpolyak-adaptive", "--challenger", "\"gdpolyak-adaptive fstar=unknown\"", "--target", "1e-10", "--max-calls", "10000", "--per-problem")
            .WithExample("versus", "--problems", "all", "--reference", "gdpolyak-adaptive", "--challenger", "\"gdpolyak-adaptive fstar-offset=-1\"", "--challenger", "\"gdpolyak-adaptive fstar-offset=1\"", "--target", "1e-10", "--seeds", "3407")),
        ("methods", c => c.AddCommand<MethodsCommand>("methods")
            .WithDescription("List the methods, or one method's options with their defaults (the --KEY VALUE options of run and the keys of a --config file).")
            .WithExample("methods")
            .WithExample("methods", "adam")),
        ("generate", c => c.AddCommand<GenerateCommand>("generate")
            .WithDescription($"Write a seeded instance of a problem as a folder of .npy files, for run --data or NumPy. Problems: {string.Join(", ", InstanceFormats.All.Select(f => f.Problem))}.")
            .WithExample("generate", "single-neuron", "--seed", "7", "--out", "my-instance")),
    ];

    /// <summary>run's help: what it does, the problems, and each method with its own options (the registries' names, so it cannot drift).</summary>
    private static string RunDescription() =>
        "Run one method on one problem — generated, or your own instance from a folder of .npy files (--data) — with reproduce's outputs. See docs/USAGE.md.\n" +
        $"Problems: {string.Join(", ", ProblemRegistry.Names)}.\n" +
        "Methods, each with its own options, given as --KEY VALUE among the others (ravine methods NAME lists their defaults and meaning): " +
        string.Join(", ", MethodRegistry.All.Select(m => m.Options.Count == 0 ? m.Name : $"{m.Name} ({string.Join(" ", m.Options.Select(o => o.Flag))})")) + ".";

    private static string Flatten(Exception exception)
    {
        // Spectre wraps a converter's error in "Failed to convert 'x' to Nullable`1."; ours alone says it all.
        for (var cause = exception; cause is not null; cause = cause.InnerException)
            if (cause is OptionValueException) return cause.Message;
        // Parallel runs that fail alike throw one AggregateException holding the same error once per run: say it once.
        if (exception is AggregateException aggregate && aggregate.InnerExceptions.Select(e => e.Message).Distinct().Count() == 1)
            return Flatten(aggregate.InnerExceptions[0]);
        string message = exception.Message;
        // Our messages already name the setting; drop .NET's " (Parameter 'eta')" tail, keep "Actual value was -1.".
        if (exception is ArgumentException { ParamName: { } name })
            message = message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
        message = message.ReplaceLineEndings(" ").Trim();
        return exception.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{message} ({inner.Message.ReplaceLineEndings(" ").Trim()})"
            : message;
    }
}
