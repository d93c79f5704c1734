using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The folder holding appsettings.json and faq/: the repository root from a clone, whatever the working
    // directory, or the program's own folder when published.
    ContentRootPath = FaqFolderLocator.FindRoot() ?? AppContext.BaseDirectory,
    // Static assets (Web Chat) belong to the program, not to the content: a publish puts them in wwwroot beside it.
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.AddFaqBot();

var app = builder.Build();
try
{
    app.MapFaqBot();
}
catch (Exception e) when (e is FaqValidationException or InvalidOperationException { InnerException: FaqValidationException })
{
    // Broken or missing FAQ data stops start-up with each problem's file and line, not a stack trace.
    await Console.Error.WriteLineAsync((e as FaqValidationException ?? (FaqValidationException)e.InnerException!).Message);
    return 1;
}
app.Run();
return 0;
