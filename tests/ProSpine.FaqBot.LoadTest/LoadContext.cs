using ProSpine.FaqBot.LoadTest.Messages;
using ProSpine.FaqBot.LoadTest.Servers;

namespace ProSpine.FaqBot.LoadTest;

/// <summary>What every part of the load shares: one HTTP client, the server launcher, the questions and the output.</summary>
internal sealed record LoadContext(HttpClient Http, ServerLauncher Servers, QuestionMix Questions, TextWriter Out);
