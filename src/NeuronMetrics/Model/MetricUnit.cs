namespace NeuronMetrics.Model;

/// <summary>The CloudWatch <c>StandardUnit</c> names this tool emits.</summary>
public static class MetricUnit
{
    public const string Percent = "Percent";
    public const string Count = "Count";
    public const string Bytes = "Bytes";
    public const string Seconds = "Seconds";
    public const string Milliseconds = "Milliseconds";
    public const string CountPerSecond = "Count/Second";
    public const string None = "None";
}
