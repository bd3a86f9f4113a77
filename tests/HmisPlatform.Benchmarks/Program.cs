using BenchmarkDotNet.Running;
using HmisPlatform.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(GradingBenchmarks).Assembly).Run(args);
