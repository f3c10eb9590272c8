namespace NeuronMetrics.Filtering;

/// <summary>What the filter did with one report: runtimes listed, matched by an entry, kept (matched and without error), and groups selected.</summary>
public readonly record struct FilterOutcome(int RuntimesSeen, int RuntimesMatched, int RuntimesKept, int GroupsSelected);
