using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The folder holding appsettings.json and faq/: the repository root from a clone, whatever the working
    // directory, or the program's own folder when published.
    ContentRootPath = FaqFolderLocator.FindRoot() ?? AppContext.BaseDirectory,
});
builder.AddFaqBot();

var app = builder.Build();
app.MapFaqBot();
app.Run();
