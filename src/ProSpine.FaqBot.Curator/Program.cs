using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Safety;

// The curators' command: check faq/ and see how the bot will route a question, without starting the server.
var faqOption = new Option<DirectoryInfo>("--faq")
{
    Description = "The FAQ folder to read; defaults to the faq/ folder of this repository.",
    Recursive = true,
};
var questionArgument = new Argument<string[]>("question") { Arity = ArgumentArity.OneOrMore, Description = "The patient's question." };
var setsArgument = new Argument<FileInfo[]>("file")
{
    Arity = ArgumentArity.OneOrMore,
    Description = "One or more labelled sets: kind<TAB>entry ids<TAB>question per line.",
}.AcceptExistingOnly();
var summaryOption = new Option<bool>("--summary")
{
    Description = "The figures only, never a message: how a holdout is read, so that its lines stay unseen.",
};
var tableOption = new Option<bool>("--table")
{
    Description = "One Markdown row per set (named by its file name) and one for their total, figures only (as --summary): docs/blind-sets.md is made with it.",
};
var corpusArgument = new Argument<FileInfo>("file")
{
    Description = "A corpus of id<TAB>message<TAB>personal data joined by \" || \" per line.",
};

var validate = new Command("validate", "Check faq/: every file, field and line, and every answer word for word in its page.");
validate.SetAction(parsed => WithAnswerer(parsed, (content, _) => Validate(content)));
var ask = new Command("ask", "Show how the bot answers a question: the route, the danger reading, both matching signals and the reply.")
{
    questionArgument,
};
ask.SetAction(parsed => WithAnswerer(parsed, (_, answerer) => Ask(answerer, string.Join(' ', parsed.GetRequiredValue(questionArgument)))));
var evaluate = new Command("eval", "Accuracy per kind on labelled sets, confident wrong answers first, and false alarms; with several sets, their total too.")
{
    setsArgument, summaryOption, tableOption,
};
evaluate.SetAction(parsed => WithSets(parsed, (answerer, sets) => Evaluate(answerer, sets, parsed.GetValue(summaryOption), parsed.GetValue(tableOption))));
var danger = new Command("danger", "Each line's danger probabilities, tab-separated, for choosing the Danger thresholds.") { setsArgument };
danger.SetAction(parsed => WithSets(parsed, DangerTable));
var together = new Command("together", "Each undecided question's signals read together, tab-separated, for fitting SignalsTogether's weights on tuning sets.")
{
    setsArgument,
};
together.SetAction(parsed => WithSets(parsed, TogetherTable));
var redaction = new Command("redaction", "Personal data left and words lost by redaction, on a corpus.") { corpusArgument };
// What the insights store would keep of each message, with this FAQ's vocabulary: no sentence model needed.
redaction.SetAction(parsed => WithContent(parsed, content => Redaction(content, parsed.GetRequiredValue(corpusArgument).FullName)));

var root = new RootCommand("The curators' command: check faq/ and see how the bot will route a question.")
{
    validate, ask, evaluate, danger, together, redaction,
};
root.Options.Add(faqOption);
var arguments = root.Parse(args);
if (arguments.Errors.Count > 0)
{
    foreach (var error in arguments.Errors)
        Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Run faq-curator --help for the commands.");
    return 2;
}
return arguments.Invoke();

// Exit codes: 0 done, 1 the FAQ has problems (each with its file and line), 2 bad arguments or settings, 3 leaks found.
int WithContent(ParseResult parsed, Func<FaqContent, int> command)
{
    var faqDirectory = parsed.GetValue(faqOption)?.FullName ?? FaqFolderLocator.Find() ?? "faq";
    try
    {
        return command(FaqLoader.Load(faqDirectory));
    }
    catch (FaqValidationException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
}

// The labelled sets named on the command line, every one read before the model loads (LoadSets); 2 if one is malformed.
int WithSets(ParseResult parsed, Func<Answerer, List<(string Name, List<LabelledQuestion> Questions)>, int> command) =>
    LoadSets(parsed.GetRequiredValue(setsArgument)) is { } sets ? WithAnswerer(parsed, (_, answerer) => command(answerer, sets)) : 2;

// The answerer as the running bot builds it, from the bot's settings: appsettings.json, then environment variables.
int WithAnswerer(ParseResult parsed, Func<FaqContent, Answerer, int> command) => WithContent(parsed, content =>
{
    using var host = FaqToolHost.Build();
    Answerer answerer;
    try
    {
        answerer = host.Services.GetRequiredService<AnswererFactory>().Create(content);
    }
    catch (OptionsValidationException e)
    {
        Console.Error.WriteLine($"Invalid settings: {string.Join(" ", e.Failures)}");
        return 2;
    }
    return command(content, answerer);
});

static int Redaction(FaqContent content, string corpus)
{
    var report = RedactionCorpus.Evaluate(Redactor.For(content), RedactionCorpus.Load(corpus));
    Console.Write(report.Format());
    return report.Leaks.Count == 0 ? 0 : 3;
}

static int Validate(FaqContent content)
{
    var phrasings = content.Entries.Sum(e => e.Phrasings.Count());
    Console.WriteLine($"The FAQ is valid: {content.Entries.Count} entries, {phrasings} phrasings, every answer found word for word in its page.");
    return 0;
}

static int Ask(Answerer answerer, string question)
{
    var reply = answerer.Answer(question);
    Console.WriteLine($"route:   {reply.Route}{(reply.RuleName is null ? "" : $" (rule: {reply.RuleName})")}");
    if (reply.Danger is { } danger)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"danger:  crisis {danger.Crisis:F2}  emergency {danger.Emergency:F2}  urgent {danger.Urgent:F2}  (highest over the message and its clauses)  words {danger.Words:F2}"));
    if (reply.Danger is { } read && answerer.Router.AsksForStudy(question))
        Console.WriteLine(answerer.Danger.GivesWayToStudy(true, read)
            ? "study:   asked for study, and its words read calm: an emergency rule or a reading by meaning gives way"
            : "study:   asked for study, but its words (or a piece beyond doubt) read as danger: nothing gives way");
    foreach (var piece in answerer.ExplainDanger(question))
    {
        var p = piece.Probabilities;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  crisis {p[(int)DangerLevel.Crisis]:F2}  emergency {p[(int)DangerLevel.Emergency]:F2}  urgent {p[(int)DangerLevel.Urgent]:F2}  calm {p[(int)DangerLevel.Calm]:F2}  \"{piece.Piece}\""));
        foreach (var (exemplar, similarity) in piece.Nearest)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"      {similarity:F2} {exemplar.Level,-9} {exemplar.Source}  \"{exemplar.Text}\""));
    }
    if (reply.Match is { } match)
    {
        Console.WriteLine($"terms:   {string.Join(' ', match.Terms)}");
        Console.WriteLine($"outcome: {match.Outcome}{(match.Reason is null ? "" : $" ({match.Reason})")}");
        if (match.Outcome != MatchOutcome.Answer)
        {
            foreach (var signals in match.Together)
                Console.WriteLine($"together: {signals} (answers from {answerer.Hybrid.TogetherAnswer?.ToString("F2", CultureInfo.InvariantCulture) ?? "never"})");
        }
        if (answerer.Danger.Read(question).Reading.Whole is { } whole && answerer.Meaning.Likeliest(whole) is var guess)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"regression: {guess.Entry?.Id ?? "not covered"} {guess.Probability:F2} (answers from {answerer.Hybrid.RegressionAnswer?.ToString("F2", CultureInfo.InvariantCulture) ?? "never"})"));
            if (answerer.SmallTalk.Nearest(answerer.Meaning.Read(whole)) is { } chat)
                Console.WriteLine($"nearest small talk: {chat} \"{chat.Nearest.Text}\"");
        }
        if (answerer.Hybrid.WordsGuess(match.Terms) is var byWords)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"entry words: {byWords.Entry?.Id ?? "not covered"} {byWords.Probability:F2}"));
        // Both signals for each entry: the words (score, coverage, overlap with the closest phrasing) and the
        // meaning (sentence similarity to the nearest phrasing). The first is the choice, the next the runners-up.
        foreach (var c in match.Candidates)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Entry.Id,-26} words {c.Score:F3} (coverage {c.Coverage:F2}, similarity {c.Similarity:F2}) \"{c.ClosestPhrasing}\""));
            if (c.Meaning is { } meaning)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {"",-26} meaning {meaning:F3} \"{c.MeaningPhrasing}\""));
        }
    }
    Console.WriteLine();
    Console.WriteLine(reply.Text);
    if (reply.Citation is not null)
        Console.WriteLine(reply.Citation);
    foreach (var s in reply.Suggestions)
        Console.WriteLine($"  [{s.Title}]");
    return 0;
}

static int DangerTable(Answerer answerer, List<(string Name, List<LabelledQuestion> Questions)> sets)
{
    // Per line: label, the highest crisis, emergency and urgent probability over the whole message and its
    // clauses, crisis and emergency together on the whole message alone, at most on any piece that counts and on any
    // piece at all, the words' reading, the phrase rule's route, the route given, and the message: enough to choose the thresholds of
    // appsettings.json's Danger. The message is read once, by the answer itself. Several sets: one header, then each
    // set's lines in the order given, with the model loaded once.
    Console.WriteLine("kind\tcrisis\temergency\turgent\twhole\tdanger\tstrongest\twords\trule\troute\tmessage");
    foreach (var labelled in sets.SelectMany(set => set.Questions))
    {
        var answered = answerer.Answer(labelled.Question);
        var scores = answered.Danger ?? DangerScores.None;
        var rule = answerer.Router.FindRule(labelled.Question);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{labelled.Kind}\t{scores.Crisis:F3}\t{scores.Emergency:F3}\t{scores.Urgent:F3}\t{scores.WholeDanger:F3}\t{scores.Danger:F3}\t{scores.Strongest:F3}\t{scores.Words:F3}\t{rule?.Kind.ToString() ?? "-"}\t{answered.Route}\t{labelled.Question}"));
    }
    return 0;
}

// Per question that no rule answered by one or two signals (of every kind), one row per entry read together: the
// question's kind, whether its line names that entry, what the bot did, and every signal's reading of the entry. No
// message text, so the readings of a set can be shared without its lines; fit on tuning sets only.
static int TogetherTable(Answerer answerer, List<(string Name, List<LabelledQuestion> Questions)> sets)
{
    Console.WriteLine("set\tline\tkind\tright\toutcome\tentry\tprobability\t" + string.Join('\t',
        "regression notanswered meaning behind ahead words wordsnotanswered coverage score".Split(' ')));
    foreach (var (name, questions) in sets)
    {
        foreach (var labelled in questions)
        {
            var reply = answerer.Answer(labelled.Question);
            foreach (var read in reply.Match?.Together ?? [])
            {
                var right = labelled.Topics.Contains(read.Entry.Id) ? 1 : 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(name)}\t{labelled.Line}\t{labelled.Kind}\t{right}\t{reply.Route}/{reply.Match!.Outcome}\t{read.Entry.Id}\t{read.Probability:F4}\t{string.Join('\t', read.Readings.Select(r => r.ToString("F4", CultureInfo.InvariantCulture)))}"));
            }
        }
    }
    return 0;
}

// Every set is read before the model loads: a malformed line in the last of fifty sets is reported at once, not
// minutes later after the first sets' figures. The error names the file and line, never the message.
static List<(string Name, List<LabelledQuestion> Questions)>? LoadSets(FileInfo[] sets)
{
    try
    {
        return [.. sets.Select(set => (set.ToString(), LabelledQuestions.Load(set.FullName)))];
    }
    catch (FormatException e)
    {
        Console.Error.WriteLine(e.Message);
        return null;
    }
}

// One set: its report. Several: each under its path as given, then their total, figures only (a question does not
// record its set, so the total's failures could not say where they are). With --table, one Markdown row per set and
// one for the total instead. The model is loaded once for all of them.
static int Evaluate(Answerer answerer, List<(string Name, List<LabelledQuestion> Questions)> sets, bool summary, bool table)
{
    if (table)
    {
        Console.Write(EvaluationReport.FormatTable(
            [.. sets.Select(set => (Path.GetFileName(set.Name), LabelledQuestions.Evaluate(answerer, set.Questions)))]));
        return 0;
    }
    var maxFailures = summary ? 0 : 200;
    var reports = new List<EvaluationReport>();
    foreach (var (name, questions) in sets)
    {
        var report = LabelledQuestions.Evaluate(answerer, questions);
        reports.Add(report);
        if (sets.Count > 1)
            Console.WriteLine($"== {name}");
        Console.Write(report.Format(maxFailures));
    }
    if (sets.Count > 1)
    {
        Console.WriteLine($"== total of {sets.Count} sets");
        Console.Write(EvaluationReport.Combine(reports).Format(maxFailures: 0));
    }
    return 0;
}
