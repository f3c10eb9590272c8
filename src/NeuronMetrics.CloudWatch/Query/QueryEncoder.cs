using System.Globalization;
using System.Runtime.InteropServices;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Query;

/// <summary>
/// Encodes a <see cref="MetricBatch"/> as an AWS Query protocol PutMetricData body with the same parameters,
/// in the same order, as botocore's query serializer (the tests compare them by meaning). Conventions:
/// empty Dimensions are omitted; StorageResolution is omitted when it is the service default (60);
/// timestamps are UTC ISO-8601, with microseconds only when the sub-second part is non-zero (as botocore);
/// numbers use .NET's shortest round-trip text (<see cref="QueryNumber"/>).
/// </summary>
internal static class QueryEncoder
{
    /// <summary>Encodes the whole batch into <paramref name="buffer"/> (cleared first).</summary>
    public static void Encode(MetricBatch batch, ReusableBuffer buffer)
    {
        buffer.Clear();
        var output = new BufferOutput(buffer);
        WriteHeader(ref output, batch.Namespace);
        for (var i = 0; i < batch.Data.Count; i++)
        {
            WriteDatum(ref output, batch.Data[i], i + 1);
        }
    }

    /// <summary>Writes the datum-independent prefix: action, version and namespace.</summary>
    public static void WriteHeader<TOutput>(ref TOutput output, string metricNamespace)
        where TOutput : struct, IQueryOutput
    {
        output.Write("Action=PutMetricData&Version=2010-08-01&Namespace="u8);
        FormUrlEncoding.WriteEscaped(ref output, metricNamespace);
    }

    /// <summary>Writes every parameter of <paramref name="datum"/> as MetricData member <paramref name="member"/>, each preceded by '&amp;'.</summary>
    public static void WriteDatum<TOutput>(ref TOutput output, MetricDatum datum, int member)
        where TOutput : struct, IQueryOutput
    {
        WriteKey(ref output, member, "MetricName"u8);
        FormUrlEncoding.WriteEscaped(ref output, datum.MetricName);

        for (var k = 0; k < datum.Dimensions.Count; k++)
        {
            var dimension = datum.Dimensions[k];
            WriteKey(ref output, member, "Dimensions.member."u8, k + 1, ".Name="u8);
            FormUrlEncoding.WriteEscaped(ref output, dimension.Name);
            WriteKey(ref output, member, "Dimensions.member."u8, k + 1, ".Value="u8);
            FormUrlEncoding.WriteEscaped(ref output, dimension.Value);
        }

        WriteKey(ref output, member, "Timestamp"u8);
        WriteTimestamp(ref output, datum.Timestamp);

        if (datum.Value is { } value)
        {
            WriteKey(ref output, member, "Value"u8);
            WriteDouble(ref output, value);
        }

        if (datum.StatisticValues is { } statistics)
        {
            WriteKey(ref output, member, "StatisticValues.SampleCount"u8);
            WriteDouble(ref output, statistics.SampleCount);
            WriteKey(ref output, member, "StatisticValues.Sum"u8);
            WriteDouble(ref output, statistics.Sum);
            WriteKey(ref output, member, "StatisticValues.Minimum"u8);
            WriteDouble(ref output, statistics.Minimum);
            WriteKey(ref output, member, "StatisticValues.Maximum"u8);
            WriteDouble(ref output, statistics.Maximum);
        }

        WriteList(ref output, member, "Values.member."u8, datum.Values);
        WriteList(ref output, member, "Counts.member."u8, datum.Counts);

        WriteKey(ref output, member, "Unit"u8);
        FormUrlEncoding.WriteEscaped(ref output, datum.Unit);

        if (datum.StorageResolution != CloudWatchLimits.StandardResolutionSeconds)
        {
            WriteKey(ref output, member, "StorageResolution"u8);
            WriteInt(ref output, datum.StorageResolution);
        }
    }

    /// <summary>
    /// Writes "&amp;MetricData.member.{member}.{name}{k}={value}" for each entry (the output assembles or counts them):
    /// list entries are most of a body (150 values and 150 counts per datum at most).
    /// </summary>
    private static void WriteList<TOutput>(ref TOutput output, int member, ReadOnlySpan<byte> name, IReadOnlyList<double>? values)
        where TOutput : struct, IQueryOutput
    {
        if (values is null)
        {
            return;
        }

        // "&MetricData.member.{int}.Counts.member." is 19 + 11 + 1 + 14 bytes at most: within the entry's prefix room.
        Span<byte> entry = stackalloc byte[QueryNumber.MaxListEntryLength];
        int prefix = WriteMemberPrefix(entry, member);
        name.CopyTo(entry[prefix..]);
        prefix += name.Length;
        output.WriteList(entry, prefix, values switch
        {
            double[] array => array,
            List<double> list => CollectionsMarshal.AsSpan(list),
            _ => values.ToArray(),
        });
    }

    /// <summary>"&amp;MetricData.member.{member}." into <paramref name="destination"/>; returns its length.</summary>
    private static int WriteMemberPrefix(Span<byte> destination, int member)
    {
        "&MetricData.member."u8.CopyTo(destination);
        var position = "&MetricData.member."u8.Length;
        member.TryFormat(destination[position..], out var written, default, CultureInfo.InvariantCulture);
        position += written;
        destination[position++] = (byte)'.';
        return position;
    }

    /// <summary>Writes "&amp;MetricData.member.{member}.{name}=".</summary>
    private static void WriteKey<TOutput>(ref TOutput output, int member, ReadOnlySpan<byte> name)
        where TOutput : struct, IQueryOutput
    {
        output.Write("&MetricData.member."u8);
        WriteInt(ref output, member);
        output.Write((byte)'.');
        output.Write(name);
        output.Write((byte)'=');
    }

    /// <summary>Writes "&amp;MetricData.member.{member}.{name}{index}{suffix}" for list entries.</summary>
    private static void WriteKey<TOutput>(ref TOutput output, int member, ReadOnlySpan<byte> name, int index, ReadOnlySpan<byte> suffix)
        where TOutput : struct, IQueryOutput
    {
        output.Write("&MetricData.member."u8);
        WriteInt(ref output, member);
        output.Write((byte)'.');
        output.Write(name);
        WriteInt(ref output, index);
        output.Write(suffix);
    }

    private static void WriteInt<TOutput>(ref TOutput output, int value)
        where TOutput : struct, IQueryOutput
    {
        Span<byte> text = stackalloc byte[11];
        value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        output.Write(text[..written]);
    }

    /// <summary>A number as <see cref="QueryNumber"/> spells it.</summary>
    private static void WriteDouble<TOutput>(ref TOutput output, double value)
        where TOutput : struct, IQueryOutput => output.WriteNumber(value);

    /// <summary>"2026-11-28T17:00:00Z" or "2026-11-28T17:00:00.250000Z" (':' escaped as %3A, as on the wire).</summary>
    private static void WriteTimestamp<TOutput>(ref TOutput output, DateTimeOffset timestamp)
        where TOutput : struct, IQueryOutput
    {
        var utc = timestamp.UtcDateTime;
        Span<byte> text = stackalloc byte[40];
        var position = 0;
        Append(text, ref position, utc.Year, 4);
        text[position++] = (byte)'-';
        Append(text, ref position, utc.Month, 2);
        text[position++] = (byte)'-';
        Append(text, ref position, utc.Day, 2);
        text[position++] = (byte)'T';
        Append(text, ref position, utc.Hour, 2);
        "%3A"u8.CopyTo(text[position..]);
        position += 3;
        Append(text, ref position, utc.Minute, 2);
        "%3A"u8.CopyTo(text[position..]);
        position += 3;
        Append(text, ref position, utc.Second, 2);

        // botocore works in microseconds (Python datetime); finer ticks are truncated like it would.
        var microseconds = (int)(utc.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond);
        if (microseconds != 0)
        {
            text[position++] = (byte)'.';
            Append(text, ref position, microseconds, 6);
        }

        text[position++] = (byte)'Z';
        output.Write(text[..position]);
    }

    private static void Append(Span<byte> text, ref int position, int value, int width)
    {
        value.TryFormat(text[position..], out var written, width == 4 ? "D4" : width == 2 ? "D2" : "D6", CultureInfo.InvariantCulture);
        position += written;
    }
}
