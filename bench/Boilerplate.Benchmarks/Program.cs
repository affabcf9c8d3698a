using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Boilerplate.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
