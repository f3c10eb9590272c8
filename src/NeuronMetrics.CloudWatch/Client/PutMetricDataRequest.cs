using NeuronMetrics.CloudWatch.Query;

namespace NeuronMetrics.CloudWatch.Client;

/// <summary>
/// One built request: what goes on the wire and what was left out. The payload is the builder's reused buffer,
/// valid until the builder builds the next request.
/// </summary>
/// <param name="Datums">Datums in the request (0: nothing to send).</param>
/// <param name="Invalid">Datums left out by validation, with their reasons.</param>
/// <param name="Payload">The body as sent (compressed or not).</param>
/// <param name="RawBytes">Length of the uncompressed Query body.</param>
/// <param name="ContentEncoding">"gzip", or null for an uncompressed body.</param>
internal sealed record PutMetricDataRequest(int Datums, IReadOnlyList<string> Invalid, ReusableBuffer Payload, int RawBytes, string? ContentEncoding);
