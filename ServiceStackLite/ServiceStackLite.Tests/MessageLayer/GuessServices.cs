using ServiceStack;
using ServiceStack.Web;

namespace ServiceStackLite.Tests.MessageLayer;

// Two ways to guess the same thing share a budget; a third operation has one of its own.

[Route("/guess/pin", "POST")]
[RateLimited("Guesses")]
public class GuessPin : IReturn<EchoResponse>, IPost;

[Route("/guess/word", "POST")]
[RateLimited("Guesses")]
public class GuessWord : IReturn<EchoResponse>, IPost;

[Route("/guess/ping", "POST")]
[RateLimited]
public class GuessPing : IReturn<EchoResponse>, IPost;

public class GuessServices : Service
{
    public EchoResponse Post(GuessPin request) => new() { Text = "pin" };

    public EchoResponse Post(GuessWord request) => new() { Text = "word" };

    public EchoResponse Post(GuessPing request) => new() { Text = "ping" };
}

/// <summary>Two requests per budget, counted for the whole test host; knows only the budgets it is given.</summary>
public sealed class TwoPerBudgetLimiter(params string[] budgets) : IRequestRateLimiter
{
    private readonly Dictionary<string, int> counts = [];

    public bool HasBudget(string budget) => budgets.Contains(budget);

    public ValueTask<TimeSpan?> TryAcquireAsync(IRequest request, string budget)
    {
        lock (counts)
        {
            counts[budget] = counts.GetValueOrDefault(budget) + 1;
            return ValueTask.FromResult<TimeSpan?>(counts[budget] > 2 ? TimeSpan.FromSeconds(7) : null);
        }
    }
}
