using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

public sealed class ExecutionStatsMapperTests
{
    private readonly MapperHarness _harness = new(w => new ExecutionStatsMapper(w));

    [Fact]
    public void Map_Inf1Shape_CountsAndLatencyPercentiles()
    {
        // From inf1.xlarge-all-groups.jsonl, line 1, with some errors added.
        var samples = _harness.Map("""
            {"period":5.0001,
             "error_summary":{"generic":1,"numerical":2,"transient":0,"model":0,"runtime":3,"hardware":0},
             "execution_summary":{"completed":300,"completed_with_err":0,"completed_with_num_err":0,"timed_out":4,"incorrect_input":0,"failed_to_queue":0},
             "latency_stats":{
               "total_latency":{"p0":0.01,"p1":0.011,"p25":0.012,"p50":0.013000000000000001,"p75":0.014,"p99":0.015,"p100":0.016},
               "device_latency":{"p0":0.009,"p1":0.009999999999999998,"p25":0.011,"p50":0.012,"p75":0.013,"p99":0.013999999999999999,"p100":0.015}},
             "error":""}
            """);

        MapperHarness.Describe(samples).Should().Equal(
            "ExecutionErrors[InstanceId=i-1] Count = 6",
            "ExecutionsCompleted[InstanceId=i-1] Count = 300",
            "ExecutionsTimedOut[InstanceId=i-1] Count = 4",
            "ExecutionLatencyP50[InstanceId=i-1] Seconds = 0.013000000000000001",
            "ExecutionLatencyP99[InstanceId=i-1] Seconds = 0.015",
            "DeviceLatencyP50[InstanceId=i-1] Seconds = 0.012",
            "DeviceLatencyP99[InstanceId=i-1] Seconds = 0.013999999999999999");
    }

    [Fact]
    public void Map_OptInMetricsSelected_OutcomesErrorKindsAndEveryPercentile()
    {
        var harness = new MapperHarness(w => new ExecutionStatsMapper(w), MetricSelection.Create(["Executions*", "ExecutionErrorsByKind", "DeviceLatency*"], false));

        var samples = harness.Map("""
            {"error_summary":{"generic":1,"numerical":2,"transient":0,"model":0,"runtime":3,"hardware":0,"future_kind":4,"Bad Kind":1},
             "execution_summary":{"completed":300,"completed_with_err":5,"completed_with_num_err":6,"timed_out":4,"incorrect_input":7,"failed_to_queue":8},
             "latency_stats":{"total_latency":null,"device_latency":{"p0":0.009,"p1":0.01,"p25":0.011,"p50":0.012,"p75":0.013,"p99":0.014,"p100":0.015}}}
            """);

        MapperHarness.Describe(samples).Should().Equal(
            "ExecutionErrorsByKind[InstanceId=i-1,ErrorKind=generic] Count = 1",
            "ExecutionErrorsByKind[InstanceId=i-1,ErrorKind=numerical] Count = 2",
            "ExecutionErrorsByKind[InstanceId=i-1,ErrorKind=transient] Count = 0",
            "ExecutionErrorsByKind[InstanceId=i-1,ErrorKind=model] Count = 0",
            "ExecutionErrorsByKind[InstanceId=i-1,ErrorKind=runtime] Count = 3",
            "ExecutionErrorsByKind[InstanceId=i-1,ErrorKind=hardware] Count = 0",
            "ExecutionErrorsByKind[InstanceId=i-1,ErrorKind=future_kind] Count = 4",
            "ExecutionsCompleted[InstanceId=i-1] Count = 300",
            "ExecutionsCompletedWithError[InstanceId=i-1] Count = 5",
            "ExecutionsCompletedWithNumericalError[InstanceId=i-1] Count = 6",
            "ExecutionsTimedOut[InstanceId=i-1] Count = 4",
            "ExecutionsIncorrectInput[InstanceId=i-1] Count = 7",
            "ExecutionsFailedToQueue[InstanceId=i-1] Count = 8",
            "DeviceLatencyP0[InstanceId=i-1] Seconds = 0.009",
            "DeviceLatencyP1[InstanceId=i-1] Seconds = 0.01",
            "DeviceLatencyP25[InstanceId=i-1] Seconds = 0.011",
            "DeviceLatencyP50[InstanceId=i-1] Seconds = 0.012",
            "DeviceLatencyP75[InstanceId=i-1] Seconds = 0.013",
            "DeviceLatencyP99[InstanceId=i-1] Seconds = 0.014",
            "DeviceLatencyP100[InstanceId=i-1] Seconds = 0.015");
        harness.Statistics.ValuesDropped.Should().Be(1, "an error kind that is not a plain name is not a dimension value");
    }

    [Fact]
    public void Map_OlderInferenceStats_SameMetrics()
    {
        var samples = _harness.Map(
            """{"error_summary":{"generic":0},"inference_summary":{"completed":12,"timed_out":0},"latency_stats":{"total_latency":{"p50":0.5,"p99":0.9},"device_latency":null}}""",
            type: "inference_stats");

        MapperHarness.Describe(samples).Should().Equal(
            "ExecutionErrors[InstanceId=i-1] Count = 0",
            "ExecutionsCompleted[InstanceId=i-1] Count = 12",
            "ExecutionsTimedOut[InstanceId=i-1] Count = 0",
            "ExecutionLatencyP50[InstanceId=i-1] Seconds = 0.5",
            "ExecutionLatencyP99[InstanceId=i-1] Seconds = 0.9");
    }

    [Fact]
    public void Map_NullLatency_CountsOnly()
    {
        var samples = _harness.Map("""{"execution_summary":{"completed":0,"timed_out":0},"latency_stats":null}""");

        MapperHarness.Describe(samples).Should().Equal(
            "ExecutionsCompleted[InstanceId=i-1] Count = 0",
            "ExecutionsTimedOut[InstanceId=i-1] Count = 0");
        _harness.Statistics.ValuesDropped.Should().Be(0);
    }

    [Fact]
    public void Map_WrongTypes_DropThatValueOnly()
    {
        var samples = _harness.Map("""
            {"error_summary":{"generic":1,"model":"x"},"execution_summary":{"completed":"5","timed_out":2},
             "latency_stats":{"total_latency":{"p50":null,"p99":0.2},"device_latency":[1]}}
            """);

        MapperHarness.Describe(samples).Should().Equal(
            "ExecutionsTimedOut[InstanceId=i-1] Count = 2",
            "ExecutionLatencyP99[InstanceId=i-1] Seconds = 0.2");
        _harness.Statistics.ValuesDropped.Should().Be(3); // errors sum, completed, p50
    }
}
