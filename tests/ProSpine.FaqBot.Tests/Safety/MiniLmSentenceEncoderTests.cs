using ProSpine.FaqBot.Core.Semantics;

namespace ProSpine.FaqBot.Tests.Safety;

/// <summary>
/// The bot's own inference over the package's tokenizer and model (Semantics/MiniLmSentenceEncoder.cs): it must give
/// exactly the vectors the package's <c>SentenceEncoder</c> gives with the same weights, so that nothing measured on
/// the blind sets moves with it.
/// </summary>
public sealed class MiniLmSentenceEncoderTests
{
    private static readonly string[] Texts =
    [
        "how long does the pump last",
        "my husband will not wake up and his lips are blue",
        "",
        "🙂🙂🙂",
        "ポンプはどのくらい持ちますか",
        "how long\u0001 does the\u0007 pump last\u001b",
        "hwo lnog dose teh pmup lsat",
        // Past the model's 512 word pieces: both keep the first 512.
        string.Concat(Enumerable.Repeat("We had a nice visit with the grandchildren and talked about the garden. ", 60)),
        "i want to die",
        "Is the refill painful, and can my daughter come with me to the appointment next Tuesday?",
    ];

    [Fact]
    public void Its_vectors_are_the_package_encoders_to_the_bit_in_any_batch()
    {
        using var package = new PackageSentenceEncoder();
        var encoder = SentenceModel.Shared.Encoder;

        var expected = package.Encode(Texts);
        var together = encoder.Encode(Texts);
        var alone = Texts.Select(text => encoder.Encode([text])[0]).ToArray();

        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(Bits(expected[i]), Bits(together[i]));
            Assert.Equal(Bits(expected[i]), Bits(alone[i]));
        }
    }

    // Compared bit for bit: float equality would let -0 pass for 0.
    private static int[] Bits(float[] vector) => [.. vector.Select(BitConverter.SingleToInt32Bits)];

    [Fact]
    public void No_texts_give_no_vectors()
    {
        Assert.Empty(SentenceModel.Shared.Encoder.Encode([]));
    }
}
