using BenchmarkDotNet.Running;

// Micro benchmarks for the hot pure code. Run: dotnet run -c Release --project bench/HsctJournals.Benchmarks -- --filter '*'
// The assembly is named through a benchmark class: `Program` would also name the Web app's entry point
// (referenced here), which the compiler reports as a conflict.
BenchmarkSwitcher.FromAssembly(typeof(HsctJournals.Benchmarks.CommentThreadBenchmarks).Assembly).Run(args);
