namespace NeuronMetrics.Sinks;

/// <summary>Why a sink cannot deliver anything more, so the run must stop (each has its own exit code).</summary>
public enum SinkFault
{
    /// <summary>The sink can go on.</summary>
    None,

    /// <summary>The output stream was closed by its reader (a broken pipe): every further datum would be lost.</summary>
    OutputClosed,

    /// <summary>Every request has been refused on authentication or permission for the configured time.</summary>
    AuthorizationFailing,
}
