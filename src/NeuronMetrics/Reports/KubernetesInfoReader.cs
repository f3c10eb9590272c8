using System.Text.Json;

namespace NeuronMetrics.Reports;

/// <summary>
/// Reads <c>neuron_k8s_info</c>: <c>neuroncores_k8s_info</c> and <c>neurondevices_k8s_info</c>, each
/// <c>{"&lt;index&gt;": {pod_name, namespace, container_name: [...]}}</c>. The block rarely changes, so
/// while its bytes equal the previous report's the previous result is handed out (nothing is parsed
/// or allocated). A block with an <c>error</c> gives nothing; a value that cannot be a dimension
/// value is left out, with a note.
/// </summary>
internal sealed class KubernetesInfoReader
{
    private byte[] _lastBlock = [];
    private KubernetesInfo? _last;

    /// <param name="json">The whole document.</param>
    /// <param name="offset">Where the reader's span starts in <paramref name="json"/>.</param>
    public KubernetesInfo? Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int offset, ParseNotes notes)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        int start = offset + (int)reader.TokenStartIndex;
        reader.Skip(); // validates the block
        var block = json[start..(offset + (int)reader.BytesConsumed)];
        if (!block.SequenceEqual(_lastBlock))
        {
            _last = Parse(block, start, notes);
            _lastBlock = block.ToArray();
        }

        return _last;
    }

    private static KubernetesInfo? Parse(ReadOnlySpan<byte> block, int start, ParseNotes notes)
    {
        var reader = new Utf8JsonReader(block);
        reader.Read();
        var cores = new Dictionary<string, KubernetesPlacement>(StringComparer.Ordinal);
        var devices = new Dictionary<string, KubernetesPlacement>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var target = reader.ValueTextEquals("neuroncores_k8s_info"u8) ? cores : reader.ValueTextEquals("neurondevices_k8s_info"u8) ? devices : null;
            bool isError = reader.ValueTextEquals("error"u8);
            reader.Read();
            if (isError && reader.TokenType == JsonTokenType.String && (reader.ValueSpan.Length > 0 || reader.ValueIsEscaped))
            {
                return null; // neuron-monitor could not read the placement
            }

            if (target is null || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string index = reader.ValueIsEscaped ? "" : IndexNames.Parse(reader.ValueSpan, out _);
                reader.Read();
                if (ReadPlacement(ref reader, start, notes) is { } placement && index.Length > 0)
                {
                    target[index] = placement;
                }
            }
        }

        return new KubernetesInfo(cores, devices);
    }

    private static KubernetesPlacement? ReadPlacement(ref Utf8JsonReader reader, int start, ParseNotes notes)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? pod = null, space = null;
        var containers = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("pod_name"u8))
            {
                reader.Read();
                pod = ReadValue(ref reader, "pod_name", start, notes);
            }
            else if (reader.ValueTextEquals("namespace"u8))
            {
                reader.Read();
                space = ReadValue(ref reader, "namespace", start, notes);
            }
            else if (reader.ValueTextEquals("container_name"u8))
            {
                reader.Read();
                ReadContainers(ref reader, containers, start, notes);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        containers.Sort(StringComparer.Ordinal);
        string? joined = containers.Count > 0 ? string.Join(',', containers.Distinct(StringComparer.Ordinal)) : null;
        return pod is null && space is null && joined is null ? null : new KubernetesPlacement(pod, space, joined);
    }

    private static void ReadContainers(ref Utf8JsonReader reader, List<string> containers, int start, ParseNotes notes)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            if (ReadValue(ref reader, "container_name", start, notes) is { } single)
            {
                containers.Add(single);
            }

            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (ReadValue(ref reader, "container_name", start, notes) is { } name)
            {
                containers.Add(name);
            }
        }
    }

    private static string? ReadValue(ref Utf8JsonReader reader, string field, int start, ParseNotes notes)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        string? value = JsonStringReader.Read(ref reader, out string? problem);
        if (problem is not null)
        {
            notes.Add($"neuron_k8s_info {field} left out: it holds {problem}", start + reader.TokenStartIndex);
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }
}
