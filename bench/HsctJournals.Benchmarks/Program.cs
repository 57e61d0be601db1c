using BenchmarkDotNet.Running;

// Micro benchmarks for the hot pure code. Run: dotnet run -c Release --project bench/HsctJournals.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point marker for BenchmarkSwitcher.</summary>
public partial class Program;
