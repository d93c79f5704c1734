using ProSpine.FaqBot.LoadTest;
using ProSpine.FaqBot.LoadTest.Servers;

// Load over real HTTP on loopback; see README.md, "Load and faults". Exit code 0 when every part met its targets.
if (args.Length > 0 && args[0] == EchoServer.Command)
{
    await EchoServer.RunAsync(args[1..]);
    return 0;
}

if (args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(LoadRun.Usage);
    return 0;
}

try
{
    return await LoadRun.RunAsync(CommandLine.Parse(args));
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadRun.Usage);
    return 2;
}
