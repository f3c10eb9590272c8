using System.IO.Compression;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Tests.Fakes;
using NeuronMetrics.CloudWatch.Transport;

namespace NeuronMetrics.CloudWatch.Tests.Transport;

public sealed class RequestCompressorTests
{
    [Fact]
    public void Compress_LargeBody_GunzipsToOriginal()
    {
        var body = GoldenBatch.ExpectedBody("many_datums");
        var compressed = new ReusableBuffer(8);

        RequestCompressor.Compress(body, compressed);

        compressed.Length.Should().BeLessThan(body.Length / 4);
        using var gunzip = new GZipStream(new MemoryStream(compressed.Span.ToArray()), CompressionMode.Decompress);
        using var result = new MemoryStream();
        gunzip.CopyTo(result);
        result.ToArray().Should().Equal(body);
    }

    [Theory]
    [InlineData(10239, false)]
    [InlineData(10240, true)]
    public void ShouldCompress_DefaultThreshold_CompressesFrom10240Bytes(int length, bool expected)
    {
        new RequestCompressor(CompressionSettings.Default).ShouldCompress(length).Should().Be(expected);
    }

    [Fact]
    public void FromEnvironment_Disabled_NeverCompresses()
    {
        var settings = CompressionSettings.FromEnvironment(Env(("AWS_DISABLE_REQUEST_COMPRESSION", "TRUE")), out var error);

        error.Should().BeNull();
        new RequestCompressor(settings).ShouldCompress(10_000_000).Should().BeFalse();
    }

    [Fact]
    public void FromEnvironment_MinSizeZero_CompressesEverything()
    {
        var settings = CompressionSettings.FromEnvironment(Env(("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "0"), ("AWS_DISABLE_REQUEST_COMPRESSION", "false")), out var error);

        error.Should().BeNull();
        settings.Should().Be(new CompressionSettings(true, 0));
    }

    [Theory]
    [InlineData("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "10485761")]
    [InlineData("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "-1")]
    [InlineData("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "ten")]
    [InlineData("AWS_DISABLE_REQUEST_COMPRESSION", "yes")]
    public void FromEnvironment_InvalidValue_ReportsError(string variable, string value)
    {
        CompressionSettings.FromEnvironment(Env((variable, value)), out var error);

        error.Should().Contain(variable);
    }

    [Fact]
    public void FromEnvironment_MaxMinSize_Accepted()
    {
        CompressionSettings.FromEnvironment(Env(("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "10485760")), out var error)
            .MinSizeBytes.Should().Be(10_485_760);
        error.Should().BeNull();
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
