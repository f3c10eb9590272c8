using Amazon;

namespace NeuronMetrics.CloudWatch.Endpoints;

/// <summary>Where to send requests and which region to sign them for.</summary>
public sealed record ResolvedEndpoint(Uri Uri, RegionEndpoint SigningRegion, string RegionSource);
