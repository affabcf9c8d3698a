using System.Diagnostics.Metrics;

namespace Boilerplate.ServiceInterface.Metrics;

/// <summary>
/// The service's own instruments, on the meter <see cref="MeterName"/>, named by OpenTelemetry's
/// conventions as .NET 10's <c>aspnetcore.identity.*</c> meters are: dotted lower-case names, a
/// UCUM unit, results as tags. The Prometheus exporter writes them with underscores, the unit and
/// <c>_total</c>, e.g. <c>boilerplate_sign_in_sign_ins_total{boilerplate_sign_in_result="success"}</c>.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "Boilerplate";

    private readonly Counter<long> signIns;
    private readonly Counter<long> lockouts;
    private readonly Counter<long> registrations;
    private readonly Counter<long> refreshes;
    private readonly Counter<long> revocations;
    private readonly Histogram<double> hashWait;
    private readonly Histogram<double> propagationDelay;
    private readonly Counter<long> mailQueued;
    private readonly Counter<long> mailSent;
    private readonly Counter<long> mailFailed;
    private Func<long> hashQueueLength = () => 0;

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        signIns = meter.CreateCounter<long>("boilerplate.sign_in.sign_ins", "{sign_in}",
            "Sign-ins checked, by boilerplate.sign_in.result: success, wrong_password, unknown_account, locked_out, locked.");
        lockouts = meter.CreateCounter<long>("boilerplate.sign_in.lockouts", "{lockout}",
            "Accounts locked out for a while after too many failed sign-ins.");
        registrations = meter.CreateCounter<long>("boilerplate.user.registrations", "{registration}",
            "Registrations, by boilerplate.registration.result: created, taken.");
        refreshes = meter.CreateCounter<long>("boilerplate.session.refreshes", "{refresh}",
            "Refresh-token exchanges, by boilerplate.session.refresh.result: rotated, kept (rotation off), reuse_detected (the session ended), refused.");
        revocations = meter.CreateCounter<long>("boilerplate.token.revocations", "{revocation}",
            "Revocations made on this host, by boilerplate.token.revocation.kind: logout (one token and its session), everywhere (every session of a user).");
        hashWait = meter.CreateHistogram<double>("boilerplate.bcrypt.wait.duration", "s",
            "How long a password hash or check waited for a bcrypt worker.", advice: Seconds([0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]));
        meter.CreateObservableUpDownCounter("boilerplate.bcrypt.queue.length", () => hashQueueLength(), "{hash}",
            "Password hashes and checks waiting for a bcrypt worker.");
        propagationDelay = meter.CreateHistogram<double>("boilerplate.revocation.propagation.delay", "s",
            "From a revocation's write in PostgreSQL to this host applying it (by the database server's clock).",
            advice: Seconds([0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]));
        mailQueued = meter.CreateCounter<long>("boilerplate.mail.queued", "{mail}", "Mail written to the outbox, by boilerplate.mail.kind.");
        mailSent = meter.CreateCounter<long>("boilerplate.mail.sent", "{mail}", "Mail this host handed to the SMTP server (or the pickup folder), by boilerplate.mail.kind.");
        mailFailed = meter.CreateCounter<long>("boilerplate.mail.failed", "{attempt}", "Attempts at sending that failed, by boilerplate.mail.kind; the mail is tried again.");
    }

    // OpenTelemetry's default buckets suit milliseconds; these histograms are in seconds.
    private static InstrumentAdvice<double> Seconds(double[] boundaries) => new() { HistogramBucketBoundaries = boundaries };

    public void SignIn(string result) => signIns.Add(1, new KeyValuePair<string, object?>("boilerplate.sign_in.result", result));

    public void LockedOut() => lockouts.Add(1);

    public void Registration(string result) => registrations.Add(1, new KeyValuePair<string, object?>("boilerplate.registration.result", result));

    public void Refresh(string result) => refreshes.Add(1, new KeyValuePair<string, object?>("boilerplate.session.refresh.result", result));

    public void Revoked(string kind) => revocations.Add(1, new KeyValuePair<string, object?>("boilerplate.token.revocation.kind", kind));

    public void HashWaited(TimeSpan wait) => hashWait.Record(wait.TotalSeconds);

    /// <summary>Where the bcrypt queue's length is read from, when the instrument is observed.</summary>
    public void ObserveHashQueue(Func<long> length) => hashQueueLength = length;

    public void MailQueued(string kind) => mailQueued.Add(1, new KeyValuePair<string, object?>("boilerplate.mail.kind", kind));

    public void MailSent(string kind) => mailSent.Add(1, new KeyValuePair<string, object?>("boilerplate.mail.kind", kind));

    public void MailFailed(string kind) => mailFailed.Add(1, new KeyValuePair<string, object?>("boilerplate.mail.kind", kind));

    public void RevocationArrived(TimeSpan delay) => propagationDelay.Record(Math.Max(0, delay.TotalSeconds));
}
