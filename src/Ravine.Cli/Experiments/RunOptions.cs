using System.Globalization;
using Ravine.Cli.Commands;
using static Ravine.Cli.Experiments.ConfigFileValues;

namespace Ravine.Cli.Experiments;

/// <summary>
/// Every option of <c>ravine run</c> in one table. The run settings come first, in the order a written config file
/// (a summary's <c>settings</c>, a checkpoint) lists their keys; then the options of the command line alone. Adding an
/// option is one entry here and one property on <see cref="RunCommand.Settings"/> (Spectre.Console.Cli reads its flags
/// from attributes; a test checks that both list the same options) and, for a run setting, one on <see cref="RunSettings"/>.
/// </summary>
internal static class RunOptions
{
    public static IReadOnlyList<RunOption> All { get; } =
    [
        new()
        {
            Name = "problem", ValueName = "NAME", Takes = "a problem's name", Default = "(required)",
            Meaning = "the paper's `quartic-rosenbrock`, `quadratic-sensing`, `matrix-factorization`, `single-neuron`; `teacher-student` and `teacher-student-sampled` (4 students, 2 teachers, d = 50; [TEACHER-STUDENT.md](TEACHER-STUDENT.md)); the external test set (`singular-wood`, `cragg-levy`, …) and `fashion-mnist` ([REAL-DATA.md](REAL-DATA.md)). An unknown name lists them all",
            Given = o => o.Problem,
            Setting = new() { JsonType = "string (required)", Get = s => s.Problem, Set = (s, v) => s with { Problem = (string)v }, Read = Text },
        },
        new()
        {
            Name = "size", ValueName = "KEY=N,…", Takes = "sizes KEY=N,KEY=N", Default = "the problem's",
            Meaning = "the generated instance's sizes, for `quadratic-sensing` (`d`, `r`, `k`, `m`; defaults 100, 2, 4, 1,000: the block-seeded instance that `ravine generate quadratic-sensing --dimension … --measurements …` writes, bit for bit — not the published one, which is the problem without `--size`; in memory up to m·d = 2²⁸, beyond that `ravine generate` files and `--data`, which streams them, or `--shards N`, each shard drawing and holding only its rows, up to 2²⁸ entries per shard), `matrix-factorization` (`d`, `r`, `k`; the published generator, so the published sizes give the published instance), `teacher-student` (`d`, `students`, `teachers`; defaults 50, 4, 2) and `teacher-student-sampled` (also `samples`, default 1,000), e.g. `--size d=1000,k=8,m=100000` or `--size d=20,students=6,teachers=3`; not with `--data`. The paper's η, K and epochs still apply to a resized paper problem unless given",
            Given = o => o.Size,
            Setting = new() { JsonType = "string `\"KEY=N,KEY=N\"`", Get = s => s.Size, Set = (s, v) => s with { Size = (string)v }, Read = Text },
        },
        new()
        {
            Name = "data", ValueName = "DIR", Takes = "a folder of .npy files", Default = "generate from `--seed`",
            Meaning = "a folder of .npy files holding your instance (files below)",
            Given = o => o.Data,
            Setting = new() { JsonType = "string", Get = s => s.Data, Set = (s, v) => s with { Data = (string)v }, Read = Path },
        },
        new()
        {
            Name = "x0", ValueName = "FILE", Takes = "a .npy file", Default = "the instance's start (`x0.npy` of `--data`, else drawn from `--seed`)",
            Meaning = "a .npy file of the start point: the problem's variables, e.g. the d×k factor X0 for `quadratic-sensing` and `matrix-factorization`, a vector of the problem's dimension otherwise (any shape holding that many numbers, read in C order). A file of another length, with NaN or ±∞, or missing is an error naming it and the expected shape",
            Given = o => o.X0,
            Setting = new() { JsonType = "string", Get = s => s.X0, Set = (s, v) => s with { X0 = (string)v }, Read = Path },
        },
        new()
        {
            Name = "start-perturbation", ValueName = "SEED", Takes = "a seed", Default = "none",
            Meaning = "start at x₀ + σu instead of the instance's start x₀, with u ~ N(0, I) drawn from SEED and σ = 0.1·(1 + ‖x₀‖)/√n (a move of norm about 0.1·(1 + ‖x₀‖)): the start `ravine compare` and `ravine versus` give seed SEED of a problem with a standard start (the test set) when it is not the first seed they list, so `--problem box3 --start-perturbation 1` runs their box3 row of seed 1 again, trace and all. Not with `--x0`",
            Given = o => o.StartPerturbation,
            Setting = new() { JsonType = "integer in [0, 2^64)", Get = s => s.StartPerturbation, Set = (s, v) => s with { StartPerturbation = (ulong)v }, Read = Seed },
        },
        new()
        {
            Name = "method", ValueName = "NAME", Takes = "a method's name", Default = "`gdpolyak` on the paper's four problems (and wherever `-K` is given); else `gdpolyak-adaptive`",
            Meaning = "any method `ravine methods` lists, e.g. `gdpolyak`, `gd`, `polyak` (the paper's), `adam`, `lbfgs`, `gdpolyak-adaptive` (no η, no K). Its own options follow as `--KEY VALUE` (below)",
            Given = o => o.Method,
            Setting = new() { JsonType = "string", Get = s => s.Method, Set = (s, v) => s with { Method = (string)v }, Read = Text },
        },
        new()
        {
            Name = "max-iters", ValueName = "N", Default = "the method's own budget (`gdpolyak`: epochs·(K + 1)); for `gd` and `polyak` on the paper's problems, the published K·epochs; else 3,000 on real data (`fashion-mnist`); else 100,000",
            Meaning = "the iteration limit",
            Given = o => o.MaxIters,
            Setting = new() { JsonType = "integer ≥ 0", Get = s => s.MaxIterations, Set = (s, v) => s with { MaxIterations = Convert.ToInt64(v, CultureInfo.InvariantCulture) }, Read = WholeNumber },
        },
        new()
        {
            Name = "fstar", ValueName = "F", Default = "the problem's f* (0)",
            Meaning = "the optimal value the Polyak steps use; the gap column stays f − (the problem's f*). `--fstar unknown`: `gdpolyak` and `gdpolyak-adaptive` estimate it (below); `polyak` needs a known f*; the methods without Polyak steps refuse `--fstar` (it would do nothing)",
            Given = o => o.FStar is null ? null : OptimalValueGiven(o.FStar),
            Setting = new()
            {
                JsonType = "number, or the string `\"unknown\"`",
                Get = s => s.OptimalValueUnknown ? RunSettingsJson.UnknownOptimalValue : s.OptimalValue,
                Set = (s, v) => v is double f ? s with { OptimalValue = f, OptimalValueUnknown = false } : s with { OptimalValue = null, OptimalValueUnknown = true },
                Read = OptimalValue,
            },
        },
        new()
        {
            Name = "seed", ValueName = "SEED", Default = "3407",
            Meaning = "the seed of the generated instance; with `--data`, of the start when `x0.npy` is absent",
            Given = o => o.Seed,
            Setting = new() { JsonType = "integer in [0, 2^64)", Get = s => s.Seed, Set = (s, v) => s with { Seed = (ulong)v }, Read = Seed },
        },
        new()
        {
            Name = "validation-every", ValueName = "N", Default = "0 (long steps only)",
            Meaning = "with held-out data in `--data` (quadratic sensing's `*_heldout.npy`): also evaluate the validation loss every N iterations",
            Given = o => o.ValidationEvery,
            Setting = new() { JsonType = "integer ≥ 0", Get = s => s.ValidationInterval, Set = (s, v) => s with { ValidationInterval = (int)v }, Read = WholeNumber },
        },
        new()
        {
            Name = "patience", ValueName = "P", Default = "none",
            Meaning = "with held-out data: stop after P validations in a row without a new best (`EarlyStopping`) and report the best-validation point. Validations come after each long step and every `--validation-every` N iterations, so a method without long steps (all but `gdpolyak`, `polyak`, `gdpolyak-adaptive`) needs `--validation-every`",
            Given = o => o.Patience,
            Setting = new() { JsonType = "integer ≥ 0", Get = s => s.Patience, Set = (s, v) => s with { Patience = (int)v }, Read = WholeNumber },
        },
        new()
        {
            Name = "threads", ValueName = "N", Default = "1",
            Meaning = "quadratic sensing: threads of one oracle call; f and ∇f are bit-identical for every N (the rows are cut into fixed blocks of 1,024, added in block order)",
            Given = o => o.Threads,
            Setting = new() { JsonType = "integer ≥ 1", Get = s => s.Threads, Set = (s, v) => s with { Threads = (int)v }, Read = WholeNumber },
        },
        new()
        {
            Name = "shards", ValueName = "N", Default = "none",
            Meaning = "quadratic sensing only: cut the measurements into N shards of whole 1,024-row blocks (fewer when there are fewer blocks), evaluated each on its own and added block by block in the local order, so the trace is a local run's (in this process, or on `--cluster`; see [DISTRIBUTED.md](DISTRIBUTED.md))",
            Given = o => o.Shards,
            Setting = new() { JsonType = "integer ≥ 1", Get = s => s.Shards, Set = (s, v) => s with { Shards = (int)v }, Read = WholeNumber },
        },
        new()
        {
            // Beside --resume: the cluster to continue on, when the stored one is gone.
            Name = "cluster", ValueName = "HOST:PORT", Takes = "a gateway HOST:PORT", Default = "none", AllowedWithResume = true,
            Meaning = "with `--shards`: the gateway(s) of a cluster of `ravine worker` silos (several separated by commas) that serve the shards; with `--resume`, the cluster to continue on, if not the stored one",
            Given = o => o.Cluster,
            Setting = new() { JsonType = "string", Get = s => s.Cluster, Set = (s, v) => s with { Cluster = (string)v }, Read = Text },
        },
        new()
        {
            Name = "membership", ValueName = "redis://HOST:PORT", Takes = "redis://HOST:PORT", Default = "none", AllowedWithResume = true,
            Meaning = "with `--shards`, instead of `--cluster`: the cluster of `ravine worker --membership` silos whose membership Redis at HOST:PORT keeps; the gateways are read from there, a worker that dies has its shards moved to the others and the run goes on with the same bits, and a Redis that stops answering stops the run at a checkpoint. With `--resume`, the cluster to continue on",
            Given = o => o.Membership,
            Setting = new() { JsonType = "string", Get = s => s.Membership, Set = (s, v) => s with { Membership = (string)v }, Read = Text },
        },
        new()
        {
            Name = "out", ValueName = "DIR", Takes = "a folder", Default = "`./ravine-results/run-<UTC timestamp>/` (`-2`, `-3`, … appended when taken: runs started in the same second get a folder each)",
            Meaning = "the output folder: new, empty, or one of earlier Ravine results (whose files are deleted first; see Outputs)",
            Given = o => o.Out,
            Setting = new() { JsonType = "string", Get = s => s.Output, Set = (s, v) => s with { Output = (string)v }, Read = Path },
        },
        new()
        {
            Name = "gap-tolerance", ValueName = "TOL", Default = "1e-20·(f(x₀) − f*) when f* is known and the method has no budget of its own; else off",
            Meaning = "stop when f − f* ≤ TOL (`GapTolerance`); 0 turns the default off",
            Given = o => o.GapTolerance,
            Setting = new() { JsonType = "number ≥ 0", Get = s => s.GapTolerance, Set = (s, v) => s with { GapTolerance = (double)v }, Read = Number },
        },
        new()
        {
            Name = "gradient-tolerance", ValueName = "TOL", Default = "off",
            Meaning = "stop when ‖∇f‖ ≤ TOL (`GradientTolerance`)",
            Given = o => o.GradientTolerance,
            Setting = new() { JsonType = "number ≥ 0", Get = s => s.GradientTolerance, Set = (s, v) => s with { GradientTolerance = (double)v }, Read = Number },
        },
        new()
        {
            Name = "time-limit", ValueName = "DURATION", Default = "none",
            Meaning = "stop after this much wall-clock time (`TimeLimit`): seconds, or `90s`, `15m`, `2h`; a resumed run counts the time before it",
            Given = o => o.TimeLimit,
            Setting = new() { JsonType = "seconds, or a string `\"15m\"`, `\"2h\"`", Get = s => s.TimeLimit, Set = (s, v) => s with { TimeLimit = (double)v }, Read = Seconds },
        },
        new()
        {
            Name = "config", ValueName = "FILE", Takes = "a JSON file", Default = "none",
            Meaning = "the settings as JSON (below); options given on the command line override the file",
            Given = o => o.Config,
        },
        new()
        {
            Name = "connect-timeout", ValueName = "SECONDS", Default = "10", AllowedWithResume = true,
            Meaning = "with `--cluster` or `--membership`: how long to wait for a gateway to answer (a line on stderr says it is waiting); then exit 2 naming the gateway(s) or the Redis; also how long a shard whose worker died may take to move (default a minute). Ctrl+C or SIGTERM during the wait: exit 130 or 143",
            Given = o => o.ConnectTimeout,
        },
        new()
        {
            Name = "checkpoint-every", ValueName = "N", Default = "1000", AllowedWithResume = true,
            Meaning = "write `checkpoint.json` into the output folder every N iterations (0: only when interrupted), after appending the trace so far to the trace CSV; deleted when the run ends",
            Given = o => o.CheckpointEvery,
        },
        new()
        {
            Name = "resume", ValueName = "DIR", Takes = "a folder", Default = "none", AllowedWithResume = true,
            Meaning = "continue the interrupted run in DIR from its `checkpoint.json`, which stores every setting (no other setting allowed); see [RELIABILITY.md](RELIABILITY.md)",
            Given = o => o.Resume,
        },
        new()
        {
            // Every command takes it; RavineApp reads it before parsing, so it never stands beside --resume as a setting.
            Name = "verbose", ValueName = "", Default = "off", AllowedWithResume = true,
            Meaning = "after an error's one line, print its stack trace",
            Given = o => o.Verbose ? true : null,
        },
    ];

    /// <summary>The options that are run settings, each also a config-file key.</summary>
    public static IEnumerable<(RunOption Option, RunSettingField Setting)> Settings =>
        All.Where(o => o.Setting is not null).Select(o => (o, o.Setting!));

    // Text, as Spectre keeps it: "unknown" (f* to be estimated) is a value too.
    private static object OptimalValueGiven(string text) =>
        string.Equals(text.Trim(), RunSettingsJson.UnknownOptimalValue, StringComparison.OrdinalIgnoreCase) ? RunSettingsJson.UnknownOptimalValue
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double f) && double.IsFinite(f) ? f
        : throw new ArgumentException($"--fstar takes a finite number or '{RunSettingsJson.UnknownOptimalValue}', not '{text}'.", "fstar");
}
