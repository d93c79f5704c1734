using ProSpine.FaqBot.LoadTest;

// Load over real HTTP on loopback; see README.md, "Load and faults", and --help.
var parsed = LoadCommandLine.Create().Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
        Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Run with --help for the commands and options.");
    return 2;
}
return await parsed.InvokeAsync();
