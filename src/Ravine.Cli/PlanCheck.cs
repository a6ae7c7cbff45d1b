using Ravine.Cli.Commands;
using Ravine.Cli.Compare;
using Ravine.Cli.Experiments;
using Spectre.Console.Cli;

namespace Ravine.Cli;

/// <summary>
/// Stops a command after its command line is parsed and its settings are checked, before it does any work: the
/// settings' own validation (which for reproduce, bench, compare and sweep builds their plan), then the checks each
/// command makes first (run: the settings resolved with the <c>--config</c> file and <see cref="RunPlan.Check"/>;
/// generate: <see cref="GenerateCommand.Check"/>; versus: <see cref="VersusCommand.ToPlan"/>; compare: the entries of
/// its plan). Nothing is run, read from <c>--data</c> or written. It is how the examples of the help and the docs that
/// are too large to run in a test (gigabyte instances, a cluster, a full comparison) are still checked as written.
/// </summary>
internal sealed class PlanCheck(MethodOptionArguments methodOptions) : ICommandInterceptor
{
    /// <summary>Thrown in place of running the command; the app turns it into exit code 0.</summary>
    public sealed class Checked() : Exception("The command's settings were checked; it was not run.");

    public void Intercept(CommandContext context, CommandSettings settings)
    {
        var validation = settings.Validate();
        if (!validation.Successful) throw new ArgumentException(validation.Message);
        switch (settings)
        {
            case RunCommand.Settings run when run.Resume is null:
                RunPlan.Check(RunCommand.Resolve(run, methodOptions));
                break;
            case GenerateCommand.Settings generate:
                GenerateCommand.Check(generate);
                break;
            case VersusCommand.Settings versus:
                VersusCommand.ToPlan(versus);
                break;
            case CompareSettings compare:
                CompareEntry.For(compare.ToPlan());
                break;
            case TrainSettings train:
                TrainCommand.ToPlan(train);
                break;
        }
        throw new Checked();
    }

    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
    }
}
