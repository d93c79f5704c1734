namespace ProSpine.FaqBot.DirectLine;

/// <summary>
/// The bytes of activity JSON that all embedded conversations keep together, against
/// <see cref="DirectLineOptions.MaxStoreBytes"/>. Counted on what is kept (UTF-16 strings, two bytes a character),
/// so whatever shape a client gives its activities, memory follows the count. Thread-safe.
/// </summary>
public sealed class KeptBytes(long limit)
{
    private long used;

    public long Used => Interlocked.Read(ref used);

    public long Limit { get; } = limit;

    public bool IsOver => Used > Limit;

    public void Add(long bytes) => Interlocked.Add(ref used, bytes);

    public void Release(long bytes) => Interlocked.Add(ref used, -bytes);

    /// <summary>What <paramref name="json"/> costs in memory.</summary>
    public static long Of(string json) => 2L * json.Length;
}
