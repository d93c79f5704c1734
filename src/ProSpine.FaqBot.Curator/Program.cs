using System.Globalization;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Safety;
using ProSpine.FaqBot.Core.Semantics;

// The curators' command: check faq/ and see how the bot will route a question, without starting the server.
const string Usage = """
    usage: faq-curator validate [--faq DIR]
           faq-curator ask "QUESTION" [--faq DIR]
           faq-curator eval FILE.tsv [--faq DIR]     (accuracy per kind on a labelled set)
           faq-curator danger FILE.tsv [--faq DIR]   (each line's danger probabilities, tab-separated, for tuning)
           faq-curator redaction FILE.tsv [--faq DIR]  (personal data left and words lost by redaction, on a corpus of
                                                       id<TAB>message<TAB>personal data joined by " || ")
    DIR defaults to the faq/ folder of this repository.
    """;

var arguments = args.ToList();
var faqIndex = arguments.IndexOf("--faq");
string faqDirectory;
if (faqIndex >= 0 && faqIndex + 1 < arguments.Count)
{
    faqDirectory = arguments[faqIndex + 1];
    arguments.RemoveRange(faqIndex, 2);
}
else
{
    faqDirectory = FaqFolderLocator.Find() ?? "faq";
}
if (arguments.Count == 0 || arguments[0] is not ("validate" or "ask" or "eval" or "danger" or "redaction") || (arguments[0] != "validate" && arguments.Count < 2))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

FaqContent content;
try
{
    content = FaqLoader.Load(faqDirectory);
}
catch (FaqValidationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

if (arguments[0] == "redaction")
{
    // What the insights store would keep of each message, with this FAQ's vocabulary; no model needed.
    var report = RedactionCorpus.Evaluate(Redactor.For(content), RedactionCorpus.Load(arguments[1]));
    Console.Write(report.Format());
    return report.Leaks.Count == 0 ? 0 : 3;
}

// The settings as the running bot reads them: appsettings.json, then environment variables.
var root = FaqFolderLocator.FindRoot() ?? Directory.GetCurrentDirectory();
var settings = AppSettings.Load(root);
var answerer = new Answerer(content,
    AppSettings.Section<MatchingOptions>(settings, MatchingOptions.Section),
    AppSettings.Section<AnsweringOptions>(settings, AnsweringOptions.Section),
    DangerReader.For(content, SentenceModel.Shared, AppSettings.Section<DangerOptions>(settings, DangerOptions.Section)));
switch (arguments[0])
{
    case "validate":
        var phrasings = content.Entries.Sum(e => e.Phrasings.Count());
        Console.WriteLine($"The FAQ is valid: {content.Entries.Count} entries, {phrasings} phrasings, every answer found word for word in its page.");
        return 0;
    case "ask":
        var question = string.Join(' ', arguments.Skip(1));
        var reply = answerer.Answer(question);
        Console.WriteLine($"route:   {reply.Route}{(reply.RuleName is null ? "" : $" (rule: {reply.RuleName})")}");
        if (reply.Danger is { } danger)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"danger:  crisis {danger.Crisis:F2}  emergency {danger.Emergency:F2}  urgent {danger.Urgent:F2}  (highest over the message and its clauses)"));
        foreach (var piece in answerer.Danger.Explain(question))
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
    case "danger":
        // Per line: label, the highest crisis, emergency and urgent probability over the whole message and its
        // clauses, crisis and emergency together on the whole message alone, the phrase rule's route, the route
        // given, and the message: enough to choose the thresholds of appsettings.json's Danger. The message is read
        // once, by the answer itself.
        Console.WriteLine("kind\tcrisis\temergency\turgent\twhole\trule\troute\tmessage");
        foreach (var labelled in LabelledQuestions.Load(arguments[1]))
        {
            var answered = answerer.Answer(labelled.Question);
            var scores = answered.Danger ?? DangerScores.None;
            var rule = answerer.Router.FindRule(ProSpine.FaqBot.Core.Text.TextNormalizer.Words(labelled.Question));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{labelled.Kind}\t{scores.Crisis:F3}\t{scores.Emergency:F3}\t{scores.Urgent:F3}\t{scores.WholeDanger:F3}\t{rule?.Kind.ToString() ?? "-"}\t{answered.Route}\t{labelled.Question}"));
        }
        return 0;
    default:
        var report = LabelledQuestions.Evaluate(answerer, LabelledQuestions.Load(arguments[1]));
        Console.Write(report.Format(maxFailures: 200));
        return 0;
}
