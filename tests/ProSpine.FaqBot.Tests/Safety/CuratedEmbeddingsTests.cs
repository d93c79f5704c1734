using ProSpine.FaqBot.Core.Semantics;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Safety;

public sealed class CuratedEmbeddingsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "faqbot-vectors-" + Guid.NewGuid().ToString("N"));

    private string CacheFile => Path.Combine(folder, "data", "sentence-vectors.bin");

    [Fact]
    public void Curated_texts_are_encoded_once_per_process()
    {
        var encoder = new KeywordEncoder();
        var embeddings = new CuratedEmbeddings(encoder);

        embeddings.Encode(["a zzcrisis example", "a calm example"]);
        embeddings.Encode(["a calm example", "a zzcrisis example"]);

        Assert.Equal(2, encoder.Encoded);
    }

    [Fact]
    public void A_restart_reads_the_vectors_from_the_cache_file_instead_of_encoding_again()
    {
        var first = new CuratedEmbeddings(new KeywordEncoder());
        first.UseCacheFile(CacheFile);
        var vectors = first.Encode(["a zzcrisis example", "a calm example"]);
        first.SaveLoadedTexts();

        var encoder = new KeywordEncoder();
        var restarted = new CuratedEmbeddings(encoder);
        restarted.UseCacheFile(CacheFile);

        Assert.Equal(vectors, restarted.Encode(["a zzcrisis example", "a calm example"]));
        Assert.Equal(0, encoder.Encoded);
        // An edited example is encoded; the others still come from the file.
        restarted.Encode(["a zzcrisis example", "an edited zzurgent example"]);
        Assert.Equal(1, encoder.Encoded);
    }

    [Fact]
    public void A_damaged_cache_file_is_ignored_and_rewritten()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CacheFile)!);
        File.WriteAllBytes(CacheFile, [1, 2, 3, 4, 5]);
        var encoder = new KeywordEncoder();
        var embeddings = new CuratedEmbeddings(encoder);

        embeddings.UseCacheFile(CacheFile);
        embeddings.Encode(["a calm example"]);
        embeddings.SaveLoadedTexts();

        Assert.Equal(1, encoder.Encoded);
        var reread = new CuratedEmbeddings(new KeywordEncoder());
        reread.UseCacheFile(CacheFile);
        Assert.Single(reread.Encode(["a calm example"]));
    }

    [Fact]
    public void A_load_that_encodes_in_several_calls_keeps_all_of_them_for_the_restart()
    {
        // A load asks for the danger examples, then the phrasings, then the uncovered questions: each call alone is
        // not the content in use.
        var first = new CuratedEmbeddings(new KeywordEncoder());
        first.UseCacheFile(CacheFile);
        first.Encode(["a zzcrisis example", "a calm example"]);
        first.Encode(["how long does the pump last"]);
        first.Encode(["how long does the battery last"]);
        first.SaveLoadedTexts();

        var encoder = new KeywordEncoder();
        var restarted = new CuratedEmbeddings(encoder);
        restarted.UseCacheFile(CacheFile);
        restarted.Encode(["a zzcrisis example", "a calm example"]);
        restarted.Encode(["how long does the pump last"]);
        restarted.Encode(["how long does the battery last"]);
        restarted.SaveLoadedTexts();

        Assert.Equal(0, encoder.Encoded);
    }

    [Fact]
    public void The_file_keeps_only_the_texts_of_the_version_last_loaded()
    {
        var embeddings = new CuratedEmbeddings(new KeywordEncoder());
        embeddings.UseCacheFile(CacheFile);
        embeddings.Encode(["an old calm example"]);
        embeddings.SaveLoadedTexts();
        embeddings.Encode(["a new calm example"]);
        embeddings.SaveLoadedTexts();

        var encoder = new KeywordEncoder();
        var restarted = new CuratedEmbeddings(encoder);
        restarted.UseCacheFile(CacheFile);
        restarted.Encode(["an old calm example", "a new calm example"]);
        Assert.Equal(1, encoder.Encoded);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
