namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// Tests that wait on the real clock for work done on the thread pool: xunit runs this collection after every other
/// one in the assembly and alone, so their wait measures the code, not the tests beside them.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
