namespace NeuronMetrics.CloudWatch.Query;

/// <summary>
/// Encodes a <see cref="QueryActionRequest"/> as a Query protocol body: <c>Action=…&amp;Version=2010-08-01</c> then each
/// parameter in order, keys and values escaped by the same <see cref="FormUrlEncoding"/> as PutMetricData's encoder.
/// </summary>
internal static class QueryActionEncoder
{
    /// <summary>The CloudWatch API version every Query request names.</summary>
    public const string ApiVersion = "2010-08-01";

    public static void Encode(QueryActionRequest request, ReusableBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(request);
        buffer.Clear();
        var output = new BufferOutput(buffer);
        output.Write("Action="u8);
        FormUrlEncoding.WriteEscaped(ref output, request.Action);
        output.Write("&Version="u8);
        FormUrlEncoding.WriteEscaped(ref output, ApiVersion);
        foreach (var (key, value) in request.Parameters)
        {
            output.Write((byte)'&');
            FormUrlEncoding.WriteEscaped(ref output, key);
            output.Write((byte)'=');
            FormUrlEncoding.WriteEscaped(ref output, value);
        }
    }
}
