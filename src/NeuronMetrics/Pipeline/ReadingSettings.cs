using NeuronMetrics.Config;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Pipeline;

/// <summary>What the reading side selects and how it names it: everything <see cref="ReportProcessor.Create"/> needs besides the stages it shares.</summary>
public sealed record ReadingSettings
{
    public MonitorConfig Config { get; init; } = MonitorConfig.Default;

    public MetricSelection Selection { get; init; } = MetricSelection.Default;

    /// <summary><c>--metrics</c> as given (null: the default selection), to say what it selected when nothing is sent.</summary>
    public IReadOnlyList<string>? MetricPatterns { get; init; }

    public NamingStyle Naming { get; init; } = NamingStyle.Dimensional;

    public DimensionSettings Dimensions { get; init; } = DimensionSettings.Default;

    /// <summary>How long reports are watched before a run that sends nothing is diagnosed (the flush interval).</summary>
    public TimeSpan DiagnosisWindow { get; init; } = PipelineOptions.DefaultFlushInterval;
}
