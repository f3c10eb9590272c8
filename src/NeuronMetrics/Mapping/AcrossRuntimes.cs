namespace NeuronMetrics.Mapping;

/// <summary>
/// How the values of one metric from several runtimes of one report become the one value the
/// report contributes (every runtime lists every core, with 0 for the cores it does not use). With
/// <c>RuntimeTag</c> as a dimension each runtime has its own series and nothing is combined,
/// except runtimes that share a tag.
/// </summary>
public enum AcrossRuntimes
{
    /// <summary>The metric has one source per report (system groups, the instance average): nothing to combine.</summary>
    NotApplicable,

    /// <summary>The largest value: utilization of a core (the process that uses it), worst-case latency percentiles.</summary>
    Max,

    /// <summary>The total: memory, vCPU time and execution counts add up over processes.</summary>
    Sum,

    /// <summary>The smallest value: the fastest execution of any runtime (p0 latency), which is exact for the union.</summary>
    Min,
}
