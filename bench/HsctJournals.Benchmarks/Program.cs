using BenchmarkDotNet.Running;

// Micro benchmarks for the hot pure code. Run: dotnet run -c Release --project bench/HsctJournals.Benchmarks -- --filter '*'
// (No Program marker class here: the Web project's own Program would clash with it under -warnaserror, CS0436.)
BenchmarkSwitcher.FromAssembly(typeof(HsctJournals.Benchmarks.EngraftmentBenchmarks).Assembly).Run(args);
