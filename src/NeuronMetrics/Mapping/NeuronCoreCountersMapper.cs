using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// <c>neuroncore_counters</c> → per core in <c>neuroncores_in_use</c>: <c>NeuronCoreUtilization</c>
/// (Percent) and, when selected, <c>NeuronCoreFlops</c> / <c>NeuronCoreEffectiveFlops</c>. Other
/// per-core fields and sub-core objects are skipped. With the instance average selected, the mean
/// utilization over every core of the report (all runtimes) is added once per report.
/// </summary>
public sealed class NeuronCoreCountersMapper(MetricSampleWriter writer) : IGroupMapper
{
    private double _utilizationSum;
    private int _utilizationCount;

    public string GroupType => GroupTypeNames.NeuronCoreCounters;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        reader.Read(); // the group's StartObject
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCores = reader.ValueTextEquals("neuroncores_in_use"u8);
            reader.Read();
            if (isCores && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadCores(ref reader, context, output);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    public void EndReport(in MappingContext context, List<MetricSample> output)
    {
        if (_utilizationCount > 0)
        {
            writer.Add(MetricCatalog.NeuronCoreUtilizationAverage, context.ForInstance(), "", _utilizationSum / _utilizationCount, output);
        }

        _utilizationSum = 0;
        _utilizationCount = 0;
    }

    private void ReadCores(ref Utf8JsonReader reader, in MappingContext context, List<MetricSample> output)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string core = JsonNumberReader.IndexKey(ref reader);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("neuroncore_utilization"u8))
                {
                    reader.Read();
                    ReadUtilization(ref reader, context, core, output);
                }
                else if (reader.ValueTextEquals("flops"u8))
                {
                    reader.Read();
                    writer.AddFrom(MetricCatalog.NeuronCoreFlops, ref reader, context, core, output);
                }
                else if (reader.ValueTextEquals("effective_flops"u8))
                {
                    reader.Read();
                    writer.AddFrom(MetricCatalog.NeuronCoreEffectiveFlops, ref reader, context, core, output);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
    }

    private void ReadUtilization(ref Utf8JsonReader reader, in MappingContext context, string core, List<MetricSample> output)
    {
        var definition = MetricCatalog.NeuronCoreUtilization;
        if (!writer.IsEnabled(definition) && !writer.IsEnabled(MetricCatalog.NeuronCoreUtilizationAverage))
        {
            reader.Skip();
            return;
        }

        if (!JsonNumberReader.TryRead(ref reader, out double value) || value < 0 || value > definition.Maximum || core.Length == 0)
        {
            context.Statistics.AddValuesDropped();
            return;
        }

        _utilizationSum += value;
        _utilizationCount++;
        writer.Add(definition, context, core, value, output);
    }
}
