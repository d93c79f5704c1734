using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// Runs one turn of a channel the app hosts itself (the website chat) through the same middleware, bot and error
/// handler as every other channel, and returns the replies. A hosted channel depends on this, not on the adapter.
/// </summary>
public interface IHostedChannelTurns
{
    Task<IList<Activity>> ProcessHostedChannelActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken);
}
