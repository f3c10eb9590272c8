namespace NeuronMetrics.Cli.Alarms;

/// <summary>An alarm's ComparisonOperator and Threshold.</summary>
internal readonly record struct AlarmComparison(string Operator, double Threshold)
{
    public static AlarmComparison Below(double threshold) => new("LessThanThreshold", threshold);

    public static AlarmComparison Above(double threshold) => new("GreaterThanThreshold", threshold);
}
