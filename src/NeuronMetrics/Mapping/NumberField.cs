namespace NeuronMetrics.Mapping;

/// <summary>A field read by <see cref="NumberObjectReader"/>: where its name and its number's text are in the group, and the number.</summary>
internal readonly record struct NumberField(Range Name, Range Text, double Value);
