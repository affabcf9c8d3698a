namespace Boilerplate.ServiceInterface.Mail;

/// <summary>Wakes this host's sender when a mail is queued here, so it need not wait for its next look at the outbox.</summary>
public sealed class MailSignal
{
    private readonly SemaphoreSlim queued = new(0, 1);

    public void Poke()
    {
        if (queued.CurrentCount == 0)
        {
            try { queued.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    /// <summary>Returns when poked, or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancel) => queued.WaitAsync(timeout, cancel);
}
