using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Micro benchmarks for the hot pure code. Run: dotnet run -c Release --project bench/HsctJournals.Benchmarks -- --filter '*'
// (No Program marker class here: the Web project's own Program would clash with it under -warnaserror, CS0436.)
// BenchmarkDotNet builds a copy of this project with the whole web app and no shared compiler; its default two-minute
// build timeout is too short for that on a busy 2-core machine (it failed with a bare "Build Error"), so allow 20.
BenchmarkSwitcher.FromAssembly(typeof(HsctJournals.Benchmarks.EngraftmentBenchmarks).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(20)));
