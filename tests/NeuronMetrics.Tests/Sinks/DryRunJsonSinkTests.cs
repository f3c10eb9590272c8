using System.Text;
using System.Text.Json;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests.Sinks;

public sealed class DryRunJsonSinkTests
{
    [Fact]
    public async Task SendAsync_Batch_WritesOneCliInputJsonLine()
    {
        var output = new MemoryStream();
        var sink = new DryRunJsonSink(output, new ListLog());
        var batch = new MetricBatch("Neuron", "i-1",
        [
            new MetricDatum
            {
                MetricName = "NeuronCoreUtilization",
                Dimensions = [new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", "0")],
                Timestamp = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero),
                Unit = "Percent",
                Values = [32.618492739086, 0.1],
                Counts = [1, 2],
            },
            new MetricDatum
            {
                MetricName = "X",
                Dimensions = [],
                Timestamp = new DateTimeOffset(2026, 11, 28, 12, 0, 0, 500, TimeSpan.Zero),
                Unit = "Count",
                StatisticValues = new StatisticSet(2, 3, 1, 2),
                StorageResolution = 1,
            },
        ]);

        var first = await sink.SendAsync(new OutgoingBatch(batch), default);
        var second = await sink.SendAsync(new OutgoingBatch(batch), default);

        string text = Encoding.UTF8.GetString(output.ToArray());
        var lines = text.Split('\n');
        lines.Should().HaveCount(3).And.EndWith("");
        lines[0].Should().Be(
            "{\"Namespace\":\"Neuron\",\"MetricData\":[" +
            "{\"MetricName\":\"NeuronCoreUtilization\",\"Dimensions\":[{\"Name\":\"InstanceId\",\"Value\":\"i-1\"},{\"Name\":\"NeuronCore\",\"Value\":\"0\"}]," +
            "\"Timestamp\":\"2026-11-28T12:00:00Z\",\"Values\":[32.618492739086,0.1],\"Counts\":[1,2],\"Unit\":\"Percent\"}," +
            "{\"MetricName\":\"X\",\"Dimensions\":[],\"Timestamp\":\"2026-11-28T12:00:00.500Z\"," +
            "\"StatisticValues\":{\"SampleCount\":2,\"Sum\":3,\"Minimum\":1,\"Maximum\":2},\"Unit\":\"Count\",\"StorageResolution\":1}]}");
        lines[1].Should().Be(lines[0]);
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("MetricData").GetArrayLength().Should().Be(2);
        first.Should().Be(SinkResult.Delivered(2));
        second.Should().Be(SinkResult.Delivered(2));
    }
}
