using NeuronMetrics.Model;

namespace NeuronMetrics.Sinks;

/// <summary>One metric of a document: the datum it comes from and the sample values it carries here.</summary>
internal sealed record EmfMetric(MetricDatum Datum, IReadOnlyList<double> Values);
