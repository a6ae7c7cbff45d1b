using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// A named test problem: an objective with a known f*, a title and a starting point. A problem that knows the distance
/// to its solution set also implements <see cref="IKnowsDistanceToSolutions"/> (the trace then records it).
/// </summary>
public interface ITestProblem : IObjective, IKnowsOptimalValue
{
    /// <summary>The command-line name, e.g. <c>quadratic-sensing</c>.</summary>
    string Name { get; }

    /// <summary>A human title with the instance's sizes, for tables and plots.</summary>
    string Title { get; }

    /// <summary>The starting point of this instance (a fresh copy each call).</summary>
    double[] Start { get; }
}
