using ProSpine.FaqBot.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRoot.Locate(),
});
builder.AddFaqBot();

var app = builder.Build();
app.MapFaqBot();
app.Run();
