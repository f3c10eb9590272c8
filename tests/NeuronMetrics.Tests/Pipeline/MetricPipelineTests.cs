using System.Text;
using System.Text.Json;
using NeuronMetrics.Config;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests.Pipeline;

public sealed class MetricPipelineTests
{
    private static MemoryStream Input(string text) => new(Encoding.UTF8.GetBytes(text));

    private static MonitorConfig Config(string file) => MonitorConfigLoader.LoadFile(RepositoryFiles.Sample(file), new ListLog());

    [Theory]
    [InlineData("inf1.xlarge-neuroncore.jsonl", null)]
    [InlineData("inf1.xlarge-all-groups.jsonl", "monitor-all-groups.conf")]
    [InlineData("inf2.xlarge-newer-fields.jsonl", null)]
    [InlineData("trn1.32xlarge-two-runtimes.jsonl", "monitor-neuroncore.conf")]
    public async Task RunAsync_Sample_MatchesGolden(string sample, string? configFile)
    {
        var runner = new PipelineRunner();
        using var input = File.OpenRead(RepositoryFiles.Sample(sample));

        string output = await runner.RunDryRunAsync(input, configFile is null ? null : Config(configFile));

        string golden = Path.Combine(RepositoryFiles.Root, "tests", "NeuronMetrics.Tests", "Golden", Path.ChangeExtension(sample, ".dry-run.jsonl"));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, output);
        }

        output.Should().Be(File.ReadAllText(golden));
        runner.Statistics.DocumentsRejected.Should().Be(0);
        runner.Log.Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_StreamEndOfInput_ThrowsNothing()
    {
        // The timers used to end by a cancelled wait: an exception, with its stack trace, at every end of input.
        var runner = new PipelineRunner();
        var thrown = new List<string>();
        var thisRun = new AsyncLocal<bool> { Value = true }; // other tests run in parallel: only this run's exceptions count
        void Record(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (thisRun.Value)
            {
                lock (thrown)
                {
                    thrown.Add(e.Exception.GetType().Name);
                }
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Record;
        try
        {
            await runner.RunAsync(Input(File.ReadAllText(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"))), new InMemorySink());
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Record;
        }

        thrown.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_Inf1Sample_KeepsEverySample()
    {
        var runner = new PipelineRunner();
        string[] lines = File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"));
        var expected = new Dictionary<string, List<double>>();
        foreach (string line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            foreach (var runtime in doc.RootElement.GetProperty("neuron_runtime_data").EnumerateArray())
            {
                foreach (var core in runtime.GetProperty("report").GetProperty("neuroncore_counters").GetProperty("neuroncores_in_use").EnumerateObject())
                {
                    expected.TryAdd(core.Name, []);
                    expected[core.Name].Add(core.Value.GetProperty("neuroncore_utilization").GetDouble());
                }
            }
        }

        var sink = new InMemorySink();
        await runner.RunAsync(Input(string.Join("\n", lines)), sink);

        var datums = sink.Batches.SelectMany(b => b.Data).ToList();
        datums.Should().HaveCount(expected.Count);
        foreach (var datum in datums)
        {
            string core = datum.Dimensions.Single(d => d.Name == "NeuronCore").Value;
            var values = expected[core];
            datum.Counts!.Sum().Should().Be(values.Count);
            datum.Values!.Zip(datum.Counts!, (v, c) => v * c).Sum().Should().BeApproximately(values.Sum(), 1e-9);
            datum.Values!.Min().Should().Be(values.Min());
            datum.Values!.Max().Should().Be(values.Max());
        }

        runner.Statistics.ReportsRead.Should().Be(lines.Length);
    }

    [Fact]
    public async Task RunAsync_HostileInput_RejectsBadDocumentsKeepsGoodOnes()
    {
        string good = File.ReadLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")).First();
        string pretty = JsonSerializer.Serialize(JsonDocument.Parse(good).RootElement, new JsonSerializerOptions { WriteIndented = true });
        string input = "\uFEFF" + good + "\r\n"       // line 1
            + "garbage\n"                             // line 2
            + good[..(good.Length / 2)] + "\n"        // line 3: truncated
            + "[1,2,3]\n"                             // line 4: JSON, not a report
            + "{\"neuron_runtime_data\":[{\"neuron_runtime_tag\":\"x\",\"report\":{\"neuroncore_counters\":{\"neuroncores_in_use\":{\"0\":{\"neuroncore_utilization\":\"NaN\"}}}}}]}\n" // line 5: wrong type
            + "\n"                                    // line 6
            + pretty + "\n";                          // line 7..

        var runner = new PipelineRunner();
        var sink = new InMemorySink();
        await runner.RunAsync(Input(input), sink);

        runner.Statistics.ReportsRead.Should().Be(3);
        runner.Statistics.DocumentsRejected.Should().Be(3);
        runner.Statistics.ValuesDropped.Should().Be(1);
        runner.Log.Messages.Should().SatisfyRespectively(
            m => m.Should().Be("line 2: not a JSON document (starts with 'g'); skipped"),
            m => m.Should().StartWith("line 3: invalid JSON: "),
            m => m.Should().Be("line 4: JSON array is not a neuron-monitor report; skipped"),
            m => m.Should().Be("line 5: 1 value(s) dropped (wrong type, not finite or out of range); the rest of the report is kept"));
        sink.Batches.SelectMany(b => b.Data).Should().OnlyContain(d => d.Counts!.Sum() == 2);
    }

    [Fact]
    public async Task RunAsync_HugeDocument_IsSkippedWithoutStoppingTheStream()
    {
        string good = File.ReadLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")).First();
        string huge = "{\"neuron_runtime_data\":[],\"pad\":\"" + new string('x', 3 << 20) + "\"}";
        var runner = new PipelineRunner();
        var sink = new InMemorySink();

        await runner.RunAsync(Input(huge + "\n" + good + "\n"), sink, maxDocumentBytes: 1 << 20);

        runner.Statistics.ReportsRead.Should().Be(1);
        runner.Log.Messages.Should().ContainSingle().Which.Should().StartWith("line 1: document larger than 1048576 bytes skipped");
        sink.Batches.Should().ContainSingle();
    }

    [Fact]
    public async Task RunAsync_EmptyInput_SendsNothing()
    {
        var runner = new PipelineRunner();
        var sink = new InMemorySink();

        await runner.RunAsync(Input(""), sink);

        sink.Batches.Should().BeEmpty();
        runner.Log.Lines.Should().BeEmpty();
    }
    [Fact]
    public async Task RunAsync_InvalidJsonOnlyAMapperReads_RejectedLikeAParseFailure()
    {
        // The parser leaves a selected group's nested values to its mapper; invalid JSON there must
        // still cost the whole report, on the line a validating parse gives, without reading the document again.
        string good = File.ReadLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")).First();
        string bad = "{\n\"neuron_runtime_data\":[{\"neuron_runtime_tag\":\"x\",\"report\":{\"neuroncore_counters\":{\"neuroncores_in_use\":{\n"
            + "\"0\":{\"neuroncore_utilization\":12.5},\n\"1\":{\"neuroncore_utilization\":tru}}}}}]}";
        var expected = new NeuronMetrics.Reports.NeuronReportParser().Parse(Encoding.UTF8.GetBytes(bad), new NeuronMetrics.Reports.NeuronReport());
        expected.IsOk.Should().BeFalse();

        var runner = new PipelineRunner();
        var sink = new InMemorySink();
        await runner.RunAsync(Input(good + "\n" + bad + "\n" + good + "\n"), sink);

        runner.Log.Messages.Should().ContainSingle().Which.Should().StartWith($"line {2 + expected.LineOffset}: invalid JSON: 'tru").And.EndWith("; skipped");
        expected.LineOffset.Should().Be(3, "'tru' is on the fourth line of the document");
        runner.Statistics.ReportsRead.Should().Be(2);
        runner.Statistics.DocumentsRejected.Should().Be(1);
        sink.Batches.SelectMany(b => b.Data).Should().OnlyContain(d => d.Counts!.Sum() == 2, "nothing of the bad report is aggregated");
    }

    [Fact]
    public async Task RunAsync_ReadingThrows_WhatWasReadIsStillFlushedAndDelivered()
    {
        string good = File.ReadLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")).First() + "\n";
        var runner = new PipelineRunner();
        var sink = new InMemorySink();

        var run = () => runner.RunAsync(new FailingStream(Encoding.UTF8.GetBytes(good)), sink);

        await run.Should().ThrowAsync<IOException>().WithMessage("disk gone");
        sink.Batches.SelectMany(b => b.Data).Should().HaveCount(4, "the report read before the failure is sent");
        runner.Statistics.ReportsRead.Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_2020BetaReports_OneWarningEachCountedAsRejected()
    {
        const string beta = """{"runtime_data":[{"runtime_index":0,"error":"","report":{"nc_counters":{"neuron_cores":{"0":{"neuroncore_utilization":42.01}}}}}],"instance_data":{"instance_id":"i-1"}}""";
        var runner = new PipelineRunner();

        await runner.RunAsync(Input(beta + "\n" + beta + "\n" + beta + "\n"), new InMemorySink());

        runner.Log.Messages.Should().ContainSingle().Which.Should().Be(
            "line 1: neuron-monitor 2020 beta report (runtime_data, nc_counters): this pre-release format is not supported: update aws-neuron-tools (neuron-monitor); every such report is skipped and counted as rejected");
        runner.Statistics.DocumentsRejected.Should().Be(3);
    }

    [Fact]
    public async Task RunAsync_RefusedValue_WarnedWithItsLineAndTheRestKept()
    {
        string good = File.ReadLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")).First();
        string bad = good.Replace("\"instance_type\":\"inf1.xlarge\"", "\"instance_type\":\"inf1\\u0000xlarge\"", StringComparison.Ordinal);
        var runner = new PipelineRunner { Dimensions = new NeuronMetrics.Mapping.DimensionSettings { Selected = ["InstanceId", "InstanceType"] } };
        var sink = new InMemorySink();

        await runner.RunAsync(Input(good + "\n" + bad + "\n" + bad + "\n"), sink);

        runner.Log.Messages.Should().ContainSingle().Which.Should().Be(
            "line 2: instance_info.instance_type left out: it holds a control character (U+0000); the rest of the report is kept");
        runner.Statistics.ReportsRead.Should().Be(3);
        sink.Batches.SelectMany(b => b.Data).SelectMany(d => d.Dimensions).Should().OnlyContain(d => !d.Value.Contains('\0'));
    }

    /// <summary>Gives its bytes, then fails as a broken pipe or disk would.</summary>
    private sealed class FailingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => Position < Length ? base.Read(buffer, offset, count) : throw new IOException("disk gone");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : ValueTask.FromException<int>(new IOException("disk gone"));
    }
}
