using NeuronMetrics.Sinks;

namespace NeuronMetrics.Cli;

/// <summary>The sink of a run and how to describe it on the startup line; disposing it disposes the sink (and its credentials).</summary>
internal sealed class SinkSetup(IMetricSink sink, string description, UsageTrackingSink? usage = null) : IAsyncDisposable
{
    public IMetricSink Sink => sink;

    /// <summary>"output=… region=… endpoint=… credentials=…", without secrets.</summary>
    public string Description => description;

    /// <summary>The dry run's usage tracker (for the closing cost estimate); null otherwise.</summary>
    public UsageTrackingSink? Usage => usage;

    public ValueTask DisposeAsync() => sink.DisposeAsync();
}
