using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests.Sinks;

public sealed class UsageTrackingSinkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static MetricDatum Datum(string name, DateTimeOffset at, params Dimension[] dimensions) => new()
    {
        MetricName = name,
        Dimensions = dimensions,
        Timestamp = at,
        Unit = "Percent",
        Value = 1,
    };

    [Fact]
    public async Task Inputs_TwoIntervalsOfOneInstance_CountsMetricsOnceAndRequestsPerInterval()
    {
        var inner = new InMemorySink();
        var sink = new UsageTrackingSink(inner, TimeSpan.FromSeconds(60));
        var id = new Dimension("InstanceId", "i-1");
        for (int minute = 0; minute < 2; minute++)
        {
            var at = T0.AddMinutes(minute);
            await sink.SendAsync(new OutgoingBatch(new MetricBatch("Neuron", "i-1", [Datum("A", at, id, new Dimension("NeuronCore", "0")), Datum("A", at, id, new Dimension("NeuronCore", "1"))])), default);
            await sink.SendAsync(new OutgoingBatch(new MetricBatch("Neuron", "i-1", [Datum("Shared", at.AddSeconds(30))])), default);
        }

        var inputs = sink.Inputs();

        inputs.Should().Be(new NeuronMetrics.Cost.CostInputs(2, 1, 2, TimeSpan.FromSeconds(60)));
        sink.DistinctMetrics.Should().Be(3);
        inner.Batches.Should().HaveCount(4);
    }

    [Fact]
    public void Inputs_NothingSent_IsNull()
    {
        new UsageTrackingSink(new InMemorySink(), TimeSpan.FromSeconds(60)).Inputs().Should().BeNull();
    }
}
