namespace NeuronMetrics.Model;

/// <summary>CloudWatch <c>StatisticValues</c>: a pre-aggregated count/sum/min/max.</summary>
public readonly record struct StatisticSet(double SampleCount, double Sum, double Minimum, double Maximum);
