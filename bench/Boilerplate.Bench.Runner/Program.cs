using Boilerplate.Bench.Runner;

try
{
    if (args.FirstOrDefault() == "seed")
        return await SeedCommand.RunAsync(args[1..], BenchPaths.Find());
    var options = RunOptions.Parse(args);
    var run = new BenchRun(options, BenchPaths.Find());
    await run.RunAsync();
    // Speed is judged in the table; the exit code says only whether every scenario worked.
    return run.Problems.Count == 0 ? 0 : 1;
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or TimeoutException)
{
    await Console.Error.WriteLineAsync($"bench: {e.Message}");
    return 1;
}
