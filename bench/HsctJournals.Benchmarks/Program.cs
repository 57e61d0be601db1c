using BenchmarkDotNet.Running;

// Micro benchmarks for the hot pure code. Run: dotnet run -c Release --project bench/HsctJournals.Benchmarks -- --filter '*'
// (No Program class of our own: the web project's public Program would clash with it under -warnaserror.)
BenchmarkSwitcher.FromAssembly(typeof(HsctJournals.Benchmarks.CommentThreadBenchmarks).Assembly).Run(args);
