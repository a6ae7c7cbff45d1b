using System.ComponentModel;
using Ravine.Cli.Experiments;
using Ravine.Problems;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

internal sealed partial class RunCommand
{
    /// <summary>
    /// The options of <c>ravine run</c>: the flags Spectre.Console.Cli parses. Everything else about an option (its
    /// config-file key, the check beside <c>--resume</c>, the merge over a config file, the documentation) is its entry in
    /// <see cref="RunOptions.All"/>.
    /// </summary>
    public sealed class Settings : RavineSettings
    {
        [CommandOption("--problem <NAME>")]
        [Description("The problem, e.g. quartic-rosenbrock or single-neuron (an unknown name lists the known ones).")]
        public string? Problem { get; init; }

        [CommandOption("--size <SIZES>")]
        [Description("The generated instance's sizes as KEY=N,KEY=N, for the problems that have them (quadratic-sensing: d, r, k, m; matrix-factorization: d, r, k; teacher-student: d, students, teachers; teacher-student-sampled: also samples); default: the problem's. Not with --data. With --shards, each shard draws only its own rows.")]
        public string? Size { get; init; }

        [CommandOption("--data <DIR>")]
        [Description("A folder of .npy files holding your instance (see docs/USAGE.md); default: generate one from --seed.")]
        public string? Data { get; init; }

        [CommandOption("--x0 <FILE>")]
        [Description("A .npy file of the start point: the problem's variables (e.g. the d×k factor X0 for quadratic-sensing), any shape holding that many numbers; default: the instance's start (with --data: its x0.npy, else drawn from --seed).")]
        public string? X0 { get; init; }

        [CommandOption("--start-perturbation <SEED>")]
        [Description("Start at x₀ + σu, u ~ N(0, I) drawn from SEED, σ = 0.1·(1 + ‖x₀‖)/√n: the start ravine compare and ravine versus give seed SEED of a problem with a standard start (the test set) when it is not the first seed they list, so that one of their rows runs again with its trace. Not with --x0.")]
        public ulong? StartPerturbation { get; init; }

        [CommandOption("--method <NAME>")]
        [Description("The method: any name `ravine methods` lists; default gdpolyak on the paper's problems (published settings), else the tuning-free gdpolyak-adaptive. Its own options follow as --KEY VALUE (e.g. --eta 0.05 -K 300 --epochs 50 for gdpolyak, --lr 0.01 for adam); `ravine methods NAME` lists them with their defaults.")]
        public string? Method { get; init; }

        [CommandOption("--max-iters <N>")]
        [Description("The iteration limit; default: the method's own budget (gdpolyak: epochs·(K + 1)), else the published K·epochs on a problem the paper ran, else 3,000 on real data (fashion-mnist), else 100,000. A run expected to take over a minute says so on stderr after its first iterations.")]
        [TypeConverter(typeof(MaxItersValue))]
        public long? MaxIters { get; init; }

        [CommandOption("--gap-tolerance <TOL>")]
        [Description("Stop when f − f* ≤ TOL (0: off); default: 1e-20·(f(x₀) − f*) when f* is known and the method has no budget of its own (see docs/USAGE.md), else off.")]
        [TypeConverter(typeof(GapToleranceValue))]
        public double? GapTolerance { get; init; }

        [CommandOption("--gradient-tolerance <TOL>")]
        [Description("Stop when ‖∇f‖ ≤ TOL (0: off, the default).")]
        [TypeConverter(typeof(GradientToleranceValue))]
        public double? GradientTolerance { get; init; }

        [CommandOption("--time-limit <DURATION>")]
        [Description("Stop after this much wall-clock time: seconds, or with s, m or h (90, 15m, 2h); default: none.")]
        [TypeConverter(typeof(TimeLimitValue))]
        public double? TimeLimit { get; init; }

        [CommandOption("--fstar <F>")]
        [Description("f*, the optimal value the Polyak steps use, or 'unknown': gdpolyak and gdpolyak-adaptive then estimate it (--fstar-rule, --fstar-estimate F to start the estimate at F) with the safeguard on; polyak needs a known f*, and methods without Polyak steps take none; default: the problem's (0).")]
        [TypeConverter(typeof(FStarValue))]
        public string? FStar { get; init; }

        [CommandOption("--validation-every <N>")]
        [Description("With held-out data in --data (quadratic sensing: *_heldout.npy): validate also every N iterations (long steps are always validated, and rolled back when they raise the validation loss); default 0: only at long steps.")]
        public int? ValidationEvery { get; init; }

        [CommandOption("--patience <P>")]
        [Description("With held-out data: stop after P validations in a row without a new best, and return the best-validation point (a method without long steps validates only every --validation-every N iterations, which it then needs); default: no early stopping.")]
        public int? Patience { get; init; }

        [CommandOption("--threads <N>")]
        [Description("quadratic-sensing: threads of one oracle call (default 1); f and the gradient are bit-identical for every N. Pays off from m of a few thousand up (docs/PERFORMANCE.md).")]
        public int? Threads { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("The seed of the generated instance (with --data: of the start, when x0.npy is absent); default 3407.")]
        [TypeConverter(typeof(SeedValue))]
        public ulong? Seed { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("The output folder; default: ./ravine-results/run-<UTC timestamp>/.")]
        public string? Out { get; init; }

        [CommandOption("--config <FILE>")]
        [Description("A JSON file with these settings (keys: the long option names without dashes, and the method's options; see docs/USAGE.md); options given here override it.")]
        public string? Config { get; init; }

        [CommandOption("--checkpoint-every <N>")]
        [Description("Write checkpoint.json into the output folder every N iterations (default 1000; 0: only when interrupted). It is deleted when the run ends.")]
        [TypeConverter(typeof(CheckpointEveryValue))]
        public int? CheckpointEvery { get; init; }

        [CommandOption("--shards <N>")]
        [Description("quadratic-sensing only: cut the measurements into N shards of whole 1,024-row blocks, each evaluated on its own and added block by block in the local order (a local run's bits): on --cluster, else in this process. See docs/DISTRIBUTED.md.")]
        [TypeConverter(typeof(ShardsValue))]
        public int? Shards { get; init; }

        [CommandOption("--cluster <HOST:PORT>")]
        [Description("With --shards: the gateway of a cluster of `ravine worker` silos that serves the shards (several separated by commas). With --resume: the cluster to continue on, if not the stored one.")]
        public string? Cluster { get; init; }

        [CommandOption("--membership <redis://HOST:PORT>")]
        [Description("With --shards: the cluster whose workers keep their membership in Redis at HOST:PORT (ravine worker --membership); the gateways are read from there, so no --cluster. Shards of a worker that dies move to the others and the run goes on. With --resume: the cluster to continue on.")]
        public string? Membership { get; init; }

        [CommandOption("--connect-timeout <SECONDS>")]
        [Description("With --cluster or --membership: how long to wait for a gateway to answer before giving up (exit 2); default 10.")]
        [TypeConverter(typeof(ConnectTimeoutValue))]
        public double? ConnectTimeout { get; init; }

        [CommandOption("--resume <DIR>")]
        [Description("Continue the interrupted run in DIR from its checkpoint.json, with the settings stored there (no other run settings allowed); the final trace equals an uninterrupted run's.")]
        public string? Resume { get; init; }

        public override ValidationResult Validate() =>
            OptionText.FirstBlank([.. RunOptions.All.Where(o => o.Takes is not null).Select(o => (o.Flag, o.Given(this) as string, o.Takes!))]) is { } error
                ? ValidationResult.Error(error) : ValidationResult.Success();

        /// <summary>The options given besides <c>--resume</c> that would contradict the settings its checkpoint stores.</summary>
        internal IEnumerable<string> SettingsBesidesResume() =>
            RunOptions.All.Where(o => !o.AllowedWithResume && o.Given(this) is not null).Select(o => o.Flag);
    }

    /// <summary>The run's settings: the options, over the <c>--config</c> file's, over the defaults.</summary>
    internal static RunSettings Resolve(Settings options, MethodOptionArguments methodOptions)
    {
        var file = options.Config is null ? null : RunSettingsJson.Read(options.Config);
        var problem = options.Problem ?? file?.Problem
            ?? throw new ArgumentException($"run needs a problem: --problem NAME (one of {string.Join(", ", ProblemRegistry.Names)}) or a --config file.");
        string method = options.Method ?? file?.Method ?? RunSettings.DefaultMethod(problem, methodOptions.Values.Keys);
        var settings = file ?? new RunSettings { Problem = problem, Method = method };
        // The file's sizes belong to the file's problem, and its method options to its method: another one given here
        // starts from its own.
        if (!string.Equals(settings.Problem, problem, StringComparison.OrdinalIgnoreCase)) settings = settings with { Size = null };
        var merged = new Dictionary<string, string>(
            string.Equals(settings.Method, method, StringComparison.OrdinalIgnoreCase) ? settings.MethodOptions : new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in methodOptions.Values) merged[key] = value;
        foreach (var (option, setting) in RunOptions.Settings)
            if (option.Given(options) is { } value)
                settings = setting.Set(settings, value);
        return settings with { Method = method, MethodOptions = merged };
    }
}
