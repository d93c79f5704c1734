namespace ProSpine.FaqBot.Telemetry;

/// <summary>The number of live conversations of a channel the app hosts itself, for the conversations gauge.</summary>
public interface ILiveConversations
{
    int Count { get; }
}
