using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Filtering;
using NeuronMetrics.Mapping;
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
            [new RuntimeSelector(MonitorConfigLoader.CompileTagFilter(".*"), [.. GroupTypeNames.RuntimeGroups.Select(GroupTypeNames.Canonical).Distinct()])],
            GroupTypeNames.SystemGroups,
            reportPeriod);
        var log = NullDiagnosticLog.Instance;
        return new CostProfiler(
            new ReportFilter(config, new RepeatThrottle(log, TimeProvider.System, TimeSpan.FromMinutes(5))),
            new ReportMapper(GroupMappers.All(new MetricSampleWriter(MetricSelection.Default, NamingStyle.Legacy)), new DimensionPolicy(), new PipelineStatistics()),
            new PutMetricDataBatcher(metricNamespace, sizer),
            AggregationMode.None,
            reportPeriod);
    }
}
