namespace ProSpine.FaqBot.DirectLine;

/// <summary>
/// What a Direct Line call may touch once its token has been checked: the token's conversation, and that
/// conversation itself when the URL names one. <see cref="DirectLineAccessFilter"/> puts it in the request's features
/// before a handler runs, so handlers start from an authorized conversation.
/// </summary>
internal sealed record DirectLineAccess(TokenCheck Token, DirectLineConversation? Conversation)
{
    /// <summary>The conversation the token was issued for.</summary>
    public string ConversationId => Token.ConversationId!;

    public static DirectLineAccess Of(HttpContext context) =>
        context.Features.Get<DirectLineAccess>() ?? throw new InvalidOperationException("The Direct Line access filter did not run.");

    /// <summary>
    /// Checks <paramref name="token"/> against the conversation in the URL (null: none named, the token's own), then
    /// finds that conversation. A missing or forged token gets 401, an expired one or one for another conversation 403,
    /// and a conversation that ended or never started 404. The token is judged before the conversation is looked up,
    /// so a foreign token learns nothing about other conversations.
    /// </summary>
    /// <returns>The failure to answer with, or null when <paramref name="access"/> holds the access granted.</returns>
    public static IResult? Check(string? token, string? routeConversationId, DirectLineTokens tokens, ConversationStore store,
        out DirectLineAccess? access)
    {
        access = null;
        if (string.IsNullOrEmpty(token))
            return DirectLineEndpoints.Error(StatusCodes.Status401Unauthorized, "TokenMissing", "A Direct Line token is required: Authorization: Bearer <token>.");
        var check = tokens.Check(token);
        var failure = check.Status switch
        {
            TokenStatus.Invalid => DirectLineEndpoints.Error(StatusCodes.Status401Unauthorized, "TokenInvalid", "The token is not valid."),
            TokenStatus.Expired => DirectLineEndpoints.Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired."),
            _ when routeConversationId is not null && routeConversationId != check.ConversationId =>
                DirectLineEndpoints.Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation."),
            _ => null,
        };
        if (failure is not null)
            return failure;
        DirectLineConversation? conversation = null;
        if (routeConversationId is not null && (conversation = store.Find(routeConversationId)) is null)
            return DirectLineEndpoints.Error(StatusCodes.Status404NotFound, "NotFound", "The conversation has ended or never started.");
        access = new DirectLineAccess(check, conversation);
        return null;
    }
}

/// <summary>
/// The token check of every Direct Line call but the token endpoint's, as an endpoint filter: the bearer token is
/// checked against the <c>{conversationId}</c> of the route, if any, before the handler runs (see
/// <see cref="DirectLineAccess.Check"/>).
/// </summary>
internal sealed class DirectLineAccessFilter(DirectLineTokens tokens, ConversationStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var failure = DirectLineAccess.Check(DirectLineEndpoints.BearerToken(http.Request), http.GetRouteValue("conversationId") as string,
            tokens, store, out var access);
        if (failure is not null)
            return failure;
        http.Features.Set(access);
        return await next(context);
    }
}
