using System.IO.Compression;
using NeuronMetrics.CloudWatch.Query;

namespace NeuronMetrics.CloudWatch.Transport;

/// <summary>
/// Gzips request bodies at or above a threshold (CloudWatch PutMetricData supports gzip request
/// compression; numbers-and-names bodies shrink several-fold). The caller signs the compressed bytes.
/// </summary>
internal sealed class RequestCompressor(CompressionSettings settings)
{
    public CompressionSettings Settings { get; } = settings;

    public bool ShouldCompress(int bodyLength) => Settings.Enabled && bodyLength >= Settings.MinSizeBytes;

    /// <summary>Writes the gzip of <paramref name="body"/> into <paramref name="destination"/> (cleared first).</summary>
    public static void Compress(ReadOnlySpan<byte> body, ReusableBuffer destination)
    {
        destination.Clear();
        using var stream = new ReusableBufferStream(destination);
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }
    }
}
