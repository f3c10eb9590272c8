namespace NeuronMetrics.Reports;

/// <summary>
/// A step between parsing and filtering that may complete a report, such as filling missing
/// <see cref="NeuronReport.Instance"/> fields from instance metadata. It should set the same
/// <see cref="InstanceInfo"/> object for the same input: dimensions are cached by its identity.
/// </summary>
public interface IReportEnricher
{
    void Enrich(NeuronReport report);
}
