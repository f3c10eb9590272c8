using System.Buffers;
using System.Text;

namespace NeuronMetrics.CloudWatch.Query;

/// <summary>
/// Percent-encodes query values the way botocore does (Python's <c>urlencode</c>/<c>quote_plus</c>):
/// RFC 3986 unreserved characters (A-Z a-z 0-9 - _ . ~) are kept, a space becomes '+', every other
/// UTF-8 byte becomes %XX with upper-case hex. This is valid application/x-www-form-urlencoded.
/// </summary>
internal static class FormUrlEncoding
{
    private const int StackLimit = 512;

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    public static void WriteEscaped<TOutput>(ref TOutput output, string value)
        where TOutput : struct, IQueryOutput
    {
        // Fast path: most metric names and dimension values are plain ASCII with nothing to escape.
        if (value.AsSpan().IndexOfAnyExcept(Unreserved) < 0)
        {
            Span<byte> ascii = value.Length <= StackLimit ? stackalloc byte[value.Length] : new byte[value.Length];
            Ascii.FromUtf16(value, ascii, out _);
            output.Write(ascii);
            return;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var utf8 = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, utf8);
            foreach (var b in utf8[..length])
            {
                WriteByte(ref output, b);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");

    private static void WriteByte<TOutput>(ref TOutput output, byte b)
        where TOutput : struct, IQueryOutput
    {
        if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
        {
            output.Write(b);
        }
        else if (b == (byte)' ')
        {
            output.Write((byte)'+');
        }
        else
        {
            Span<byte> escaped = [(byte)'%', Hex[b >> 4], Hex[b & 0xF]];
            output.Write(escaped);
        }
    }
}
