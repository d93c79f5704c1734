using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>A token from Azure Direct Line's token API, as it answers it.</summary>
public sealed record AzureDirectLineToken(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>
/// Exchanges the configured Direct Line secret for a conversation token at Azure Direct Line
/// (<c>POST {AzureEndpoint}/v3/directline/tokens/generate</c>, <c>Authorization: Bearer {secret}</c>). The secret
/// only ever travels to Azure. A slow or failing service gives no token within <see cref="Timeout"/>, never an
/// exception.
/// </summary>
public sealed class AzureDirectLineTokenClient(HttpClient http, IOptions<DirectLineOptions> options, ILogger<AzureDirectLineTokenClient> logger)
{
    /// <summary>How long a browser waits for its token at most, on top of its own request.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The Direct Line base URL that Azure's tokens are used with.</summary>
    public Uri Domain => new(options.Value.AzureEndpoint, "v3/directline");

    /// <returns>The token, or null when the service refused, failed or did not answer in time (logged).</returns>
    public async Task<AzureDirectLineToken?> GenerateAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.AzureEndpoint, "v3/directline/tokens/generate"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AzureSecret);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError("Azure Direct Line refused a token: HTTP {StatusCode}", (int)response.StatusCode);
                return null;
            }
            var token = await response.Content.ReadFromJsonAsync<AzureDirectLineToken>(cancellationToken);
            if (token is { Token.Length: > 0, ConversationId.Length: > 0 })
                return token;
            logger.LogError("Azure Direct Line answered without a token");
            return null;
        }
        catch (HttpRequestException e)
        {
            logger.LogError(e, "Azure Direct Line could not be reached");
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Azure Direct Line did not answer within {TimeoutSeconds} s", Timeout.TotalSeconds);
            return null;
        }
        catch (JsonException)
        {
            logger.LogError("Azure Direct Line answered with something other than a token");
            return null;
        }
    }
}
