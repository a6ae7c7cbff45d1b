using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// A problem of the published suite: an objective with f*, a distance to its solution set, the settings the paper
/// used and the seeded starting point of this instance.
/// </summary>
public interface ITestProblem : IObjective, IKnowsOptimalValue, IKnowsDistanceToSolutions
{
    /// <summary>The command-line name, e.g. <c>quadratic-sensing</c>.</summary>
    string Name { get; }

    /// <summary>A human title with the instance's sizes, for tables and plots.</summary>
    string Title { get; }

    /// <summary>The settings of the published experiment on this problem.</summary>
    PublishedSettings Published { get; }

    /// <summary>The starting point of this instance (a fresh copy each call).</summary>
    double[] Start { get; }
}

/// <summary>
/// The settings of a published experiment: GDPolyak(η, K) for some epochs; GD and Polyak get K·epochs steps with the same η.
/// </summary>
/// <param name="Stepsize">η, the short (gradient) stepsize, also GD's stepsize.</param>
/// <param name="ShortSteps">K, short steps per GDPolyak epoch.</param>
/// <param name="Epochs">GDPolyak epochs.</param>
public sealed record PublishedSettings(double Stepsize, int ShortSteps, int Epochs)
{
    /// <summary>The step budget of the baselines (GD, Polyak): K · epochs.</summary>
    public int BaselineSteps => ShortSteps * Epochs;
}
