BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Ravine.Benchmarks.GdPolyakEpochBenchmarks).Assembly).Run(args);
