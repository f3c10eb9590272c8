namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>How a test points neuron-cw at a loopback CloudWatch (a <see cref="ScriptedHttpServer"/>); <see cref="PutMetricDataRequests"/> reads what it received.</summary>
internal static class LoopbackCloudWatch
{
    /// <summary>Test credentials, a region and the endpoint: what a run needs to send to <paramref name="endpoint"/>.</summary>
    public static Dictionary<string, string?> Environment(Uri endpoint) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDLOOPBACKTEST",
        ["AWS_SECRET_ACCESS_KEY"] = "loopback-test-secret",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ENDPOINT_URL_CLOUDWATCH"] = endpoint.ToString(),
    };
}
