using Microsoft.Extensions.Options;
using Ravine.Problems;

namespace Ravine.Orleans;

/// <summary>The grain behind <see cref="ISensingShardGrain"/>, placed by <see cref="ShardPlacementStrategy"/>.</summary>
[ShardPlacement]
internal sealed class SensingShardGrain(IOptions<ShardSiloOptions> options) : Grain, ISensingShardGrain
{
    private SensingShardData? _data;
    private QuadraticSensing? _rows;

    public async Task<int> LoadAsync(SensingShardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Key != this.GetPrimaryKeyString())
            throw new ArgumentException($"The grain {this.GetPrimaryKeyString()} was sent the rows of {data.Key}.", nameof(data));
        if (_rows is not null && data == _data) return _rows.MeasurementCount;
        // Reading or generating the rows may take long: off the grain's scheduler, so the silo stays responsive.
        QuadraticSensing rows;
        try
        {
            rows = await Task.Run(data.Load);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Ravine.Instances.InstanceDataException or Ravine.IO.NpyFormatException)
        {
            // The readers' own exception types do not cross the wire; the message, naming the file, does.
            throw new ShardDataException($"{e.GetType().Name} on silo {GrainContext.Address.SiloAddress}: {e.Message}");
        }
        rows.MaxDegreeOfParallelism = Math.Max(1, options.Value.Threads);
        (_data, _rows) = (data, rows);
        return rows.MeasurementCount;
    }

    public async Task<ShardPartial> EvaluateAsync(double[] x)
    {
        var rows = _rows ?? throw new ShardNotLoadedException(
            $"The shard grain {this.GetPrimaryKeyString()} on silo {GrainContext.Address.SiloAddress} holds no rows: it was re-activated here " +
            "(its silo went away, or it was collected while idle) and must be loaded again.");
        if (x is null || x.Length != rows.Dimension)
            throw new ArgumentException($"x has length {x?.Length ?? 0}, expected d·k = {rows.Dimension}.", nameof(x));
        return await Task.Run(() => ShardPartial.Of(rows, x));
    }

    public Task<string> SiloAsync() => Task.FromResult(GrainContext.Address.SiloAddress?.ToString() ?? "");
}
