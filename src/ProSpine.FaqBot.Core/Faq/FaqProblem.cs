namespace ProSpine.FaqBot.Core.Faq;

/// <summary>One thing wrong in a <c>faq/</c> file, precise enough for a curator to fix it.</summary>
/// <param name="File">Path relative to the folder above <c>faq/</c>, e.g. <c>faq/entries/lifespan.yaml</c>.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
public sealed record FaqProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>Thrown when <c>faq/</c> does not pass validation; lists every problem found.</summary>
public sealed class FaqValidationException : Exception
{
    public FaqValidationException(IReadOnlyList<FaqProblem> problems)
        : base("The FAQ is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public FaqValidationException() : this([]) { }

    public FaqValidationException(string message) : base(message) => Problems = [];

    public FaqValidationException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    public IReadOnlyList<FaqProblem> Problems { get; }
}
