namespace ProSpine.FaqBot.Edge;

/// <summary>
/// The log of refused <c>/api/messages</c> requests, at most one line per kind a minute with the count of the others:
/// whoever can send requests must not be able to fill the log, one line per forged token.
/// </summary>
public sealed partial class RejectionLog(ILogger<RejectionLog> logger, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Throttle malformed = new();
    private readonly Throttle unreachable = new();

    /// <summary>A token that is not a token. The client's doing, so Information.</summary>
    public void MalformedToken(string exceptionType)
    {
        if (malformed.ShouldLog(time.GetUtcNow(), out var others))
            LogMalformed(logger, exceptionType, others);
    }

    /// <summary>The OpenID metadata holding the signing keys could not be fetched: the operator's problem, so Error.</summary>
    public void AuthorityUnreachable(string exceptionType)
    {
        if (unreachable.ShouldLog(time.GetUtcNow(), out var others))
            LogUnreachable(logger, exceptionType, others);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a request to /api/messages: malformed token ({ExceptionType}); {Others} more in the last minute")]
    private static partial void LogMalformed(ILogger logger, string exceptionType, int others);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot verify a channel token: the token authority is unreachable ({ExceptionType}); {Others} more in the last minute")]
    private static partial void LogUnreachable(ILogger logger, string exceptionType, int others);

    private sealed class Throttle
    {
        private readonly Lock gate = new();
        private DateTimeOffset next = DateTimeOffset.MinValue;
        private int suppressed;

        public bool ShouldLog(DateTimeOffset now, out int others)
        {
            lock (gate)
            {
                if (now < next)
                {
                    suppressed++;
                    others = 0;
                    return false;
                }
                others = suppressed;
                suppressed = 0;
                next = now + Interval;
                return true;
            }
        }
    }
}
