using System.Text;
using System.Text.Json;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

/// <summary>The fast path for compact neuron_devices of neuron_hw_counters: same samples, drops and errors as the token-by-token reading.</summary>
public sealed class DeviceCountersReaderTests
{
    private static (List<string> Samples, long Dropped, string? Error) Map(string groupJson)
    {
        var harness = new MapperHarness(w => new HardwareCountersMapper(w), MetricSelection.Create(["NeuronDeviceEcc*"], false));
        try
        {
            return ([.. MapperHarness.Describe(harness.Map(groupJson))], harness.Statistics.ValuesDropped, null);
        }
        catch (JsonException ex)
        {
            return ([], harness.Statistics.ValuesDropped, $"{ex.GetType().Name} line {ex.LineNumber}");
        }
    }

    /// <summary>The same group with a space after every ':' (valid, not the fast shape): read token by token.</summary>
    private static string Spaced(string json) => json.Replace(":", ": ", StringComparison.Ordinal);

    private static string Group(string devices, string after = "") =>
        "{\"period\":1.0,\"neuron_devices\":" + devices + after + ",\"error\":\"\"}";

    [Theory]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1,"mem_ecc_uncorrected":0,"sram_ecc_uncorrected":0,"sram_ecc_corrected":2},{"neuron_device_index":15,"mem_ecc_corrected":0,"mem_ecc_uncorrected":3,"sram_ecc_uncorrected":4,"sram_ecc_corrected":0}]""")]
    [InlineData("""[{"neuron_device_index":1.0,"mem_ecc_corrected":1}]""")]
    [InlineData("""[{"neuron_device_index":2147483648,"mem_ecc_corrected":1}]""")]
    [InlineData("""[{"neuron_device_index":2147483647,"mem_ecc_corrected":1},{"neuron_device_index":100000,"sram_ecc_corrected":1}]""")]
    [InlineData("""[{"neuron_device_index":1e1,"mem_ecc_corrected":1}]""")]
    [InlineData("""[{"neuron_device_index":-1,"mem_ecc_corrected":1}]""")]
    [InlineData("""[{"neuron_device_index":-0,"mem_ecc_corrected":1}]""")]
    [InlineData("""[{"mem_ecc_corrected":1,"sram_ecc_uncorrected":2},{"neuron_device_index":1,"other":2}]""")]
    [InlineData("""[{"neuron_device_index":"3","mem_ecc_corrected":1}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":-1,"sram_ecc_uncorrected":2}]""")]
    [InlineData("""[{"neuron_device_index":1,"mem_ecc_corrected":null,"sram_ecc_corrected":"x"}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":0.1,"sram_ecc_corrected":0.2,"mem_ecc_corrected":0.3,"neuron_device_index":7,"other":5}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":12345678901234567890}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1.7976931348623157e308,"sram_ecc_corrected":1.7976931348623157e308}]""")]
    [InlineData("""[{"neuron_device_index":1,"mem_ecc_correct\u0065d":1}]""")]
    [InlineData("""[{},{"neuron_device_index":2,"sram_ecc_uncorrected":1}]""")]
    [InlineData("""[1,{"neuron_device_index":2,"sram_ecc_uncorrected":1}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_uncorrected":1},{}]""")]
    [InlineData("""[]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1,"sram_ecc_corrected":2},{"neuron_device_index":1,"sram_ecc_corrected":3,"mem_ecc_corrected":4},{"neuron_device_index":2,"mem_ecc_corrected":5,"sram_ecc_corrected":6,"mem_ecc_uncorrected":7}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1,"sram_ecc_corrected":2},{"neuron_device_index":1,"mem_ecc_corrected":1},{"neuron_device_index":2,"mem_ecc_corrected":5,"sram_ecc_corrected":6}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1},{"neuron_device_index":1,"mem_ecc_corrected\u0031":1}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1},{"neuron_device_index":1,"mem_ecc_correcte":1}]""")]
    public void Map_CompactOrNot_SameSamplesAndDrops(string devices)
    {
        Map(Group(devices)).Should().BeEquivalentTo(Map(Spaced(Group(devices))), o => o.WithStrictOrdering());
        Map(Group(devices, ",\"neuron_devices\":[{\"neuron_device_index\":9,\"mem_ecc_corrected\":5}]")).Should().BeEquivalentTo(
            Map(Spaced(Group(devices, ",\"neuron_devices\":[{\"neuron_device_index\":9,\"mem_ecc_corrected\":5}]"))), o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":01}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1.}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1}x]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1},]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1,}]""")]
    [InlineData("""[{"neuron_device_index":0,"mem_ecc_corrected":1}}""")]
    [InlineData("[{\"neuron_device_index\":0,\"mem_ecc_corrected\":1}]\n,\"x\":[}")]
    [InlineData("[{\"neuron_device_index\":0,\"mem_ecc_corrected\":1},{\"neuron_device_index\":1,\"mem_ecc\u0001corrected\":1}]")]
    [InlineData("[{\"neuron_device_index\":0,\"mem_ecc_corrected\":1},{\"neuron_device_index\":1,\"mem_ecc_corrected\"")]
    public void Map_InvalidJson_SameErrorAsTokenByToken(string devices)
    {
        var fast = Map(Group(devices));

        fast.Error.Should().NotBeNull();
        fast.Should().BeEquivalentTo(Map(Spaced(Group(devices))), o => o.WithStrictOrdering());
    }

    [Fact]
    public void TryRead_UsualShape_SumsEachDeviceAndEndsPastTheArray()
    {
        var json = Encoding.UTF8.GetBytes("""{"a":[{"neuron_device_index":3,"mem_ecc_corrected":1,"mem_ecc_uncorrected":0,"sram_ecc_corrected":2},{"neuron_device_index":4,"x":1}],"b":1}""");
        var found = new List<DeviceCounters>();

        DeviceCountersReader.TryRead(json, 5, [], found, out int end).Should().BeTrue();

        found.Should().Equal(
            new DeviceCounters("3", new CounterSum(3, true, false), new CounterSum(0, true, false)),
            new DeviceCounters("4", default, default));
        end.Should().Be(json.Length - 7);
    }

    [Theory]
    [InlineData("""{"a":[{"neuron_device_index":3, "mem_ecc_corrected":1}],"b":1}""")]
    [InlineData("""{"a":[{"neuron_device_index":3,"mem_ecc_corrected":-1}],"b":1}""")]
    [InlineData("""{"a":[{"neuron_device_index":3.0,"mem_ecc_corrected":1}],"b":1}""")]
    [InlineData("""{"a":[],"b":1}""")]
    public void TryRead_UnusualShape_FalseForTheReader(string text)
    {
        var found = new List<DeviceCounters>();

        DeviceCountersReader.TryRead(Encoding.UTF8.GetBytes(text), 5, [], found, out _).Should().BeFalse();
    }
}
