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
    public void A_restart_reads_what_was_derived_from_the_vectors_instead_of_computing_it_again()
    {
        var computed = 0;
        float[][] Compute()
        {
            computed++;
            return [[1f, 2f, 3f], [4f, 5f, 6f]];
        }
        var first = new CuratedEmbeddings(new KeywordEncoder());
        first.UseCacheFile(CacheFile);
        first.Encode(["a calm example"]);
        var weights = first.Derived("weights of the calm example", Compute);
        Assert.Same(weights, first.Derived("weights of the calm example", Compute));
        first.SaveLoadedTexts();

        var restarted = new CuratedEmbeddings(new KeywordEncoder());
        restarted.UseCacheFile(CacheFile);

        Assert.Equal(weights, restarted.Derived("weights of the calm example", Compute));
        Assert.Equal(1, computed);
        // Other inputs have another key, and are computed.
        restarted.Derived("weights of an edited example", Compute);
        Assert.Equal(2, computed);
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

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_cache_file_whose_lengths_are_damaged_is_ignored(int length)
    {
        var first = new CuratedEmbeddings(new KeywordEncoder());
        first.UseCacheFile(CacheFile);
        first.Encode(["a calm example"]);
        first.SaveLoadedTexts();
        // The file's header and text stay; the vector's length that follows the text is overwritten.
        var bytes = File.ReadAllBytes(CacheFile);
        var at = bytes.AsSpan().IndexOf("a calm example"u8) + "a calm example".Length;
        BitConverter.GetBytes(length).CopyTo(bytes, at);
        File.WriteAllBytes(CacheFile, bytes);

        var encoder = new KeywordEncoder();
        var restarted = new CuratedEmbeddings(encoder);
        restarted.UseCacheFile(CacheFile);
        restarted.Encode(["a calm example"]);

        Assert.Equal(1, encoder.Encoded);
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

    [Fact]
    public async Task Another_load_may_save_while_texts_are_still_being_encoded()
    {
        // Two hosts in one process load the FAQ at once: one saves while the other's vectors are not there yet.
        var encoder = new GatedEncoder();
        var embeddings = new CuratedEmbeddings(encoder);
        embeddings.UseCacheFile(CacheFile);
        embeddings.Encode(["a calm example"]);
        encoder.Hold();
        var slowLoad = Task.Run(() => embeddings.Encode(["a zzcrisis example still encoding"]));
        await encoder.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        embeddings.SaveLoadedTexts();
        encoder.Release();
        Assert.Single(await slowLoad);
        embeddings.SaveLoadedTexts();

        var restartEncoder = new KeywordEncoder();
        var restarted = new CuratedEmbeddings(restartEncoder);
        restarted.UseCacheFile(CacheFile);
        restarted.Encode(["a zzcrisis example still encoding"]);
        Assert.Equal(0, restartEncoder.Encoded);
    }

    /// <summary>Encodes like <see cref="KeywordEncoder"/>, but once held, waits inside the model until released.</summary>
    private sealed class GatedEncoder : ISentenceEncoder
    {
        private readonly KeywordEncoder inner = new();

        public string Model => inner.Model;
        private TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public GatedEncoder() => open.SetResult();

        /// <summary>Completes when a call reaches the model after <see cref="Hold"/>.</summary>
        public Task Entered => entered.Task;

        public void Hold()
        {
            entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
            open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Release() => open.SetResult();

        public float[][] Encode(IReadOnlyList<string> texts)
        {
            var gate = open.Task;
            if (!gate.IsCompleted)
                entered.TrySetResult();
            // Blocking is the point: the model call is synchronous.
            gate.Wait(TimeSpan.FromSeconds(10));
            return inner.Encode(texts);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
