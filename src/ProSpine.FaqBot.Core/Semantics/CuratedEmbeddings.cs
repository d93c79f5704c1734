using System.Collections.Concurrent;

namespace ProSpine.FaqBot.Core.Semantics;

/// <summary>
/// Vectors of curated texts (danger examples, FAQ phrasings), remembered across FAQ versions so a reload or another
/// host in the same process does not encode them again, and optionally kept in a file so a restart does not either
/// (encoding the whole FAQ takes seconds; reading the file takes milliseconds). Only curated content goes in here,
/// never what a person typed: the cache is bounded by the size of <c>faq/</c>, and it keeps no patient's words. What is
/// computed from those vectors alone (the danger and entry regressions' trained weights) is kept the same way, under a key that
/// names its inputs (<see cref="Derived"/>).
/// </summary>
public sealed class CuratedEmbeddings(ISentenceEncoder encoder)
{
    // Changes whenever the file layout or the model (or its fine-tuned weights) changes: an old file is then ignored
    // and rewritten.
    private readonly string fileSignature = "prospine-sentence-vectors/3/" + encoder.Model;

    private readonly ConcurrentDictionary<string, float[]> known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, float[][]> derived = new(StringComparer.Ordinal);
    private readonly Lock fileLock = new();
    private readonly HashSet<string> askedSinceSave = new(StringComparer.Ordinal);
    private readonly HashSet<string> derivedSinceSave = new(StringComparer.Ordinal);
    // Whether a vector was encoded or a derived value computed since the last save: only then is the file rewritten.
    private bool computedSinceSave;
    private string? cacheFile;

    public ISentenceEncoder Encoder { get; } = encoder;

    /// <summary>
    /// Reads the vectors kept in <paramref name="path"/>, if it holds any, and keeps it up to date from now on (see
    /// <see cref="SaveLoadedTexts"/>). A missing, foreign or damaged file is not an error: its texts are simply encoded
    /// again.
    /// </summary>
    public void UseCacheFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        lock (fileLock)
        {
            cacheFile = path;
            try
            {
                using var reader = new BinaryReader(File.OpenRead(path));
                if (reader.ReadString() != fileSignature)
                    return;
                var count = Count(reader, int.MaxValue);
                for (var i = 0; i < count; i++)
                {
                    var text = reader.ReadString();
                    known.TryAdd(text, ReadVector(reader));
                }
                var derivedCount = reader.ReadInt32();
                for (var i = 0; i < derivedCount; i++)
                {
                    var key = reader.ReadString();
                    var rows = new float[Count(reader, MaxRows)][];
                    for (var r = 0; r < rows.Length; r++)
                        rows[r] = ReadVector(reader);
                    derived.TryAdd(key, rows);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException)
            {
                // Nothing to reuse: the texts are encoded again and the file rewritten.
            }
        }
    }

    public float[][] Encode(IReadOnlyList<string> curatedTexts)
    {
        ArgumentNullException.ThrowIfNull(curatedTexts);
        var missing = curatedTexts.Where(t => !known.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        // Batches keep each call's memory small, and run on every core (each inference uses one); the model gives a
        // text the same vector in any batch and on any thread. Texts of like length share a batch, as a batch is
        // padded to its longest.
        Parallel.ForEach(missing.OrderBy(t => t.Length).Chunk(32), batch =>
        {
            var vectors = Encoder.Encode(batch);
            for (var i = 0; i < batch.Length; i++)
                known[batch[i]] = vectors[i];
        });
        // Recorded only once every vector exists: another FAQ loading in this process may save at any moment, and it
        // must find a vector for each text it writes.
        lock (fileLock)
        {
            askedSinceSave.UnionWith(curatedTexts);
            computedSinceSave |= missing.Count > 0;
        }
        return [.. curatedTexts.Select(t => known[t])];
    }

    /// <summary>
    /// What <paramref name="compute"/> gives from curated vectors alone, kept under <paramref name="key"/>, which must
    /// change whenever its inputs do (for example a hash of them): computed once, then reused by every FAQ load in this
    /// process and, through the cache file, by the next start.
    /// </summary>
    public float[][] Derived(string key, Func<float[][]> compute)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(compute);
        var computed = false;
        var value = derived.GetOrAdd(key, _ =>
        {
            computed = true;
            return compute();
        });
        lock (fileLock)
        {
            derivedSinceSave.Add(key);
            computedSinceSave |= computed;
        }
        return value;
    }

    /// <summary>
    /// Called once a version of the FAQ is loaded: writes the vectors of every text asked for since the last call
    /// (that version's examples, phrasings and uncovered questions, asked for in several calls) to the cache file,
    /// whole, if any of them had to be encoded. The file then holds exactly the content in use, never older versions'.
    /// </summary>
    public void SaveLoadedTexts()
    {
        lock (fileLock)
        {
            var texts = askedSinceSave.ToList();
            var keys = derivedSinceSave.ToList();
            var changed = computedSinceSave;
            askedSinceSave.Clear();
            derivedSinceSave.Clear();
            computedSinceSave = false;
            if (cacheFile is null || !changed)
                return;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!);
                var temporary = cacheFile + ".tmp";
                using (var writer = new BinaryWriter(File.Create(temporary)))
                {
                    writer.Write(fileSignature);
                    writer.Write(texts.Count);
                    foreach (var text in texts)
                    {
                        writer.Write(text);
                        WriteVector(writer, known[text]);
                    }
                    writer.Write(keys.Count);
                    foreach (var key in keys)
                    {
                        var rows = derived[key];
                        writer.Write(key);
                        writer.Write(rows.Length);
                        foreach (var row in rows)
                            WriteVector(writer, row);
                    }
                }
                File.Move(temporary, cacheFile, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A read-only disk costs the next start-up a few seconds, nothing else.
            }
        }
    }

    // A damaged file can hold any number where a length should be: beyond these it is damaged, not a huge array.
    private const int MaxDimensions = 4096;
    private const int MaxRows = 4096;

    private static int Count(BinaryReader reader, int max)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= max ? count : throw new FormatException("not a length");
    }

    private static float[] ReadVector(BinaryReader reader)
    {
        var vector = new float[Count(reader, MaxDimensions)];
        for (var d = 0; d < vector.Length; d++)
            vector[d] = reader.ReadSingle();
        return vector;
    }

    private static void WriteVector(BinaryWriter writer, float[] vector)
    {
        writer.Write(vector.Length);
        foreach (var value in vector)
            writer.Write(value);
    }
}
