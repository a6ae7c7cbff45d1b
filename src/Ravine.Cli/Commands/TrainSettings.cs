using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>The options of <c>ravine train</c>.</summary>
internal sealed class TrainSettings : RavineSettings
{
    [CommandOption("--model <NAME>")]
    [Description("The model to train (see the command's description for the list).")]
    public string? Model { get; init; }

    [CommandOption("--method <SPEC>")]
    [Description("The method and its options as \"NAME KEY=VALUE …\" (default: stochastic-gdpolyak). Methods: stochastic-gdpolyak, sgd-momentum, adam, spsmax, dog, schedule-free-sgd.")]
    public string? Method { get; init; }

    [CommandOption("--methods <SPECS>")]
    [Description("Several methods, comma-separated (\"adam,sgd-momentum lr=0.1,stochastic-gdpolyak\"): every one with every seed, and the table over them.")]
    public string? Methods { get; init; }

    [CommandOption("--seed <N>")]
    [Description("The first seed (default 0): the initial point, the batch order and the method's own sampling.")]
    public ulong? Seed { get; init; }

    [CommandOption("--seeds <COUNT>")]
    [Description("How many seeds, from --seed on (default 1).")]
    public int? Seeds { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Passes over the training set (default 10).")]
    public int? Epochs { get; init; }

    [CommandOption("--batch <N>")]
    [Description("Examples per mini-batch (default 128); at most the training examples.")]
    public int? Batch { get; init; }

    [CommandOption("--validation <N>")]
    [Description("Training images held out as the validation split (default 5000).")]
    public int? Validation { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Threads a model may use (default: the processor count).")]
    public int? Threads { get; init; }

    [CommandOption("--target-accuracy <A>")]
    [Description("Stop a run once its validation accuracy reaches A (a share, e.g. 0.9).")]
    public double? TargetAccuracy { get; init; }

    [CommandOption("--lanczos-every <E>")]
    [Description("Measure the ravine every E epochs (and at the start): Lanczos on exact Hessian-vector products; f and ‖∇f‖ every epoch. Default 0: never.")]
    public int? LanczosEvery { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("The results folder (default: ravine-results/train-<UTC timestamp>).")]
    public string? Out { get; init; }

    [CommandOption("--resume <DIR>")]
    [Description("Continue the interrupted train in DIR (its own settings; other options are not allowed).")]
    public string? Resume { get; init; }
}
