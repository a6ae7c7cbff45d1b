using System.Text;
using Ravine.IO;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

public class MethodMemoryTests
{
    private static readonly IMethod Method = new GdPolyak(0.0125, 100, 20, null) { Safeguard = true };

    private static RunCheckpoint ThroughJson(RunCheckpoint checkpoint) => ResumePropertyTests.ThroughJson(checkpoint);

    [Fact]
    public void A_memory_is_written_by_member_name_with_nested_parts_named_after_their_member()
    {
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], Method, new MinimizeOptions { MaxIterations = 250 });
        var entries = MethodMemoryCodec.Encode(result.Checkpoint!.MethodState);
        Assert.Equal([2.0], entries["epoch"]);
        Assert.Equal([48.0], entries["stepInEpoch"]);
        Assert.Contains("long.epochsInRound", entries.Keys);
        Assert.Contains("long.fstar.estimate", entries.Keys);
        Assert.Equal(2, entries["long.safeguard.x"].Length);
    }

    [Fact]
    public void A_memory_read_back_from_json_resumes_the_run_bit_for_bit()
    {
        var problem = new QuarticRosenbrock();
        var whole = Minimizer.Minimize(problem, [0.9, 1.3], Method, new MinimizeOptions { MaxIterations = 600 });
        var half = Minimizer.Minimize(problem, [0.9, 1.3], Method, new MinimizeOptions { MaxIterations = 333 });
        var resumed = Minimizer.Resume(problem, Method, ThroughJson(half.Checkpoint!), new MinimizeOptions { MaxIterations = 600 });
        Assert.Equal(whole.Trace.Value.ToArray(), resumed.Trace.Value.ToArray());
        Assert.Equal(whole.FinalX, resumed.FinalX);
    }

    [Fact]
    public void A_memory_of_another_shape_is_refused_with_the_member_it_lacks()
    {
        var adam = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], new Adam(0.01), new MinimizeOptions { MaxIterations = 5 });
        var read = ThroughJson(adam.Checkpoint!);
        var state = Method.Start(new Iterate(2), new Oracle(new QuarticRosenbrock()));
        var e = Assert.Throws<FormatException>(() => state.Restore(read.MethodState));
        Assert.Contains("'epoch'", e.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => state.Restore(adam.Checkpoint!.MethodState));
    }

    [Fact]
    public void A_checkpoint_of_the_earlier_format_is_refused_with_how_to_go_on()
    {
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], Method, new MinimizeOptions { MaxIterations = 50 });
        using var stream = new MemoryStream();
        RunCheckpointJson.Write(result.Checkpoint!, stream);
        string text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("{\"formatVersion\":2,", text, StringComparison.Ordinal);
        // Version 1 kept a validation state of its own; such a file too meets the version message.
        string earlier = "{\"formatVersion\":1,\"validationState\":{\"values\":[1]}," + text["{\"formatVersion\":2,".Length..];
        var e = Assert.Throws<FormatException>(() => RunCheckpointJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(earlier))));
        Assert.Equal("The checkpoint has format version 1, written by an earlier Ravine that kept the method's state in another form; "
            + "this Ravine reads version 2 only. Finish the run with the Ravine that started it, or start it over.", e.Message);
    }
}
