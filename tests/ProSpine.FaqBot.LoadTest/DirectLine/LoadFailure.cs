namespace ProSpine.FaqBot.LoadTest.DirectLine;

/// <summary>A call the load made that the server refused or never answered; the reason is counted, not the text.</summary>
internal sealed class LoadFailure(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
