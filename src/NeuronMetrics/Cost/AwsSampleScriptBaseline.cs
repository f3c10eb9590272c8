using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Config;
using NeuronMetrics.Mapping;
using NeuronMetrics.Pipeline;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Cost;

/// <summary>
/// What AWS's sample script (neuron-monitor-cloudwatch.py) would cost on the same input, as the
/// comparison point: every group of the report, one metric per core in the name, and one
/// PutMetricData request per report (no aggregation).
/// </summary>
public static class AwsSampleScriptBaseline
{
    public static CostProfiler CreateProfiler(string metricNamespace, IDatumSizer sizer, TimeSpan reportPeriod)
    {
        var config = new MonitorConfig(
            [new RuntimeSelector(null, [.. GroupTypeNames.RuntimeGroups.Select(GroupTypeNames.Canonical).Distinct()])],
            GroupTypeNames.SystemGroups,
            reportPeriod);
        return new CostProfiler(
            new ReadingSettings { Config = config, Naming = NamingStyle.Legacy },
            new PutMetricDataBatcher(metricNamespace, sizer),
            AggregationMode.None,
            reportPeriod);
    }
}
