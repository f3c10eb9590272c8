using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// <c>neuroncore_counters</c> → per core in <c>neuroncores_in_use</c>: <c>NeuronCoreUtilization</c>
/// (Percent) and, when selected, <c>NeuronCoreFlops</c> / <c>NeuronCoreEffectiveFlops</c> and the
/// utilization of each physical core of trn2's <c>v3d</c>. Other per-core fields are skipped. With
/// the instance average selected, the mean over the report's cores of each core's utilization —
/// the max over the runtimes that list it, as for the per-core metric — is added once per report.
/// </summary>
public sealed class NeuronCoreCountersMapper(MetricSampleWriter writer) : IGroupMapper
{
    private readonly CoreMaxima _cores = new();
    private readonly List<(string Core, int Index, double Value)> _found = [];

    public string GroupType => GroupTypeNames.NeuronCoreCounters;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var json = group.Json.Span;
        var reader = new Utf8JsonReader(json);
        int offset = 0; // where the reader's span starts in the group (moves when the fast path steps over the cores)
        reader.Read(); // the group's StartObject
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCores = reader.ValueTextEquals("neuroncores_in_use"u8);
            reader.Read();
            if (isCores && reader.TokenType == JsonTokenType.StartObject
                && CoreUtilizationReader.TryRead(json, offset + (int)reader.TokenStartIndex, _found, out int end))
            {
                foreach (var (core, index, value) in _found)
                {
                    AddUtilization(context, core, index, value, output);
                }

                FastPathResume.SkipTo(ref reader, json, ref offset, end);
            }
            else if (isCores && reader.TokenType == JsonTokenType.StartObject)
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
        if (_cores.TryTakeMean(out double mean))
        {
            writer.Add(MetricCatalog.NeuronCoreUtilizationAverage, context.ForInstance(), "", mean, output);
        }
    }

    private void ReadCores(ref Utf8JsonReader reader, in MappingContext context, List<MetricSample> output)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string core = JsonNumberReader.IndexKey(ref reader, out int index);
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
                    ReadUtilization(ref reader, context, core, index, output);
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
                else if (reader.ValueTextEquals("v3d"u8) && writer.IsEnabled(MetricCatalog.PhysicalNeuronCoreUtilization))
                {
                    reader.Read();
                    ReadPhysicalCores(ref reader, context, core, output);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
    }

    private void ReadUtilization(ref Utf8JsonReader reader, in MappingContext context, string core, int index, List<MetricSample> output)
    {
        var definition = MetricCatalog.NeuronCoreUtilization;
        bool average = writer.IsEnabled(MetricCatalog.NeuronCoreUtilizationAverage);
        if (!writer.IsEnabled(definition) && !average)
        {
            reader.Skip();
            return;
        }

        if (!JsonNumberReader.TryRead(ref reader, out double value))
        {
            context.Statistics.AddValuesDropped();
            return;
        }

        AddUtilization(context, core, index, value, output);
    }

    private void AddUtilization(in MappingContext context, string core, int index, double value, List<MetricSample> output)
    {
        var definition = MetricCatalog.NeuronCoreUtilization;
        bool average = writer.IsEnabled(MetricCatalog.NeuronCoreUtilizationAverage);
        if (!writer.IsEnabled(definition) && !average)
        {
            return;
        }

        if (value < 0 || value > definition.Maximum || core.Length == 0)
        {
            context.Statistics.AddValuesDropped();
            return;
        }

        if (average)
        {
            _cores.Add(index, value);
        }

        writer.Add(definition, context, core, value, output);
    }

    /// <summary><c>v3d: { "nc_v3.0": { "neuroncore_utilization": … }, "nc_v3.1": … }</c>: one sample per physical core (the N of nc_v3.N).</summary>
    private void ReadPhysicalCores(ref Utf8JsonReader reader, in MappingContext context, string core, List<MetricSample> output)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            string physical = reader.ValueIsEscaped ? "" : IndexNames.Parse(name[(name.LastIndexOf((byte)'.') + 1)..], out _);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isUtilization = reader.ValueTextEquals("neuroncore_utilization"u8);
                reader.Read();
                if (isUtilization && JsonNumberReader.TryRead(ref reader, out double value))
                {
                    writer.Add(MetricCatalog.PhysicalNeuronCoreUtilization, context, core, physical, value, output);
                }
                else if (isUtilization)
                {
                    context.Statistics.AddValuesDropped();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }
}
