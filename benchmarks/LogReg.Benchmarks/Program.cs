using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/LogReg.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(LogReg.Benchmarks.TrainingBenchmarks).Assembly).Run(args);
