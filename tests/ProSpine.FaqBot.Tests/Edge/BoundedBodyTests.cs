using Microsoft.AspNetCore.Http;
using ProSpine.FaqBot.Edge;

namespace ProSpine.FaqBot.Tests.Edge;

public sealed class BoundedBodyTests
{
    private static HttpRequest Request(Stream body, long? declaredLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = declaredLength;
        return context.Request;
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(0, 10)]
    public async Task A_body_within_the_limit_is_read_whole_with_or_without_a_declared_length(int size, int limit)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)i).ToArray();

        Assert.Equal(bytes, await BoundedBody.ReadAsync(Request(new MemoryStream(bytes), size), limit, default));
        Assert.Equal(bytes, await BoundedBody.ReadAsync(Request(new MemoryStream(bytes), null), limit, default));
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_anything_is_read()
    {
        var body = new CountingStream();

        Assert.Null(await BoundedBody.ReadAsync(Request(body, 11), 10, default));
        Assert.Equal(0, body.Taken);
    }

    [Fact]
    public async Task An_undeclared_endless_body_is_read_one_byte_past_the_limit_and_no_further()
    {
        var body = new CountingStream();

        Assert.Null(await BoundedBody.ReadAsync(Request(body, null), 1000, default));
        Assert.Equal(1001, body.Taken);
    }

    /// <summary>An endless body that counts the bytes taken from it.</summary>
    private sealed class CountingStream : Stream
    {
        public long Taken { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Taken; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            // At most 64 bytes a call, as a network read may give.
            var n = Math.Min(count, 64);
            Array.Fill(buffer, (byte)'x', offset, n);
            Taken += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
