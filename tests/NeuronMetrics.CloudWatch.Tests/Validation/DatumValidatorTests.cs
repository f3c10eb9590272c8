using NeuronMetrics.CloudWatch.Validation;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Tests.Validation;

public sealed class DatumValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 17, 0, 0, TimeSpan.Zero);

    private static MetricDatum Valid => new()
    {
        MetricName = "NeuronCoreUtilization",
        Dimensions = [new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", "0")],
        Timestamp = Now,
        Unit = MetricUnit.Percent,
        Value = 42.5,
    };

    [Fact]
    public void Validate_ValidDatum_ReturnsNull() => DatumValidator.Validate(Valid, Now).Should().BeNull();

    [Theory]
    [InlineData(0.0)]
    [InlineData(8.515920e-109)]
    [InlineData(-1.174271e+108)]
    public void Validate_BoundaryValue_Accepted(double value) =>
        DatumValidator.Validate(Valid with { Value = value }, Now).Should().BeNull();

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e-109)]
    [InlineData(1.2e108)]
    [InlineData(-1e200)]
    public void Validate_OutOfRangeValue_Rejected(double value) =>
        DatumValidator.Validate(Valid with { Value = value }, Now).Should().Contain("range");

    public static TheoryData<string, MetricDatum> Invalid => new()
    {
        { "metric name is empty", Valid with { MetricName = "" } },
        { "metric name is longer than 255", Valid with { MetricName = new string('m', 256) } },
        { "31 dimensions", Valid with { Dimensions = Enumerable.Range(0, 31).Select(i => new Dimension($"D{i}", "v")).ToList() } },
        { "dimension name is empty", Valid with { Dimensions = [new Dimension("", "v")] } },
        { "dimension name is longer than 255", Valid with { Dimensions = [new Dimension(new string('d', 256), "v")] } },
        { "value of dimension 'D' is empty", Valid with { Dimensions = [new Dimension("D", "")] } },
        { "is longer than 1024", Valid with { Dimensions = [new Dimension("D", new string('v', 1025))] } },
        { "not valid Unicode", Valid with { Dimensions = [new Dimension("D", "a\uD800b")] } },
        { "duplicate dimension 'D'", Valid with { Dimensions = [new Dimension("D", "1"), new Dimension("D", "2")] } },
        { "days old", Valid with { Timestamp = Now - TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1) } },
        { "hours in the future", Valid with { Timestamp = Now + TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1) } },
        { "storage resolution 10", Valid with { StorageResolution = 10 } },
        { "not a CloudWatch standard unit", Valid with { Unit = "Furlongs" } },
        { "exactly one of", Valid with { Value = null } },
        { "exactly one of", Valid with { Values = [1.0], Counts = [1.0] } },
        { "151 values", Valid with { Value = null, Values = Enumerable.Repeat(1.0, 151).ToList(), Counts = Enumerable.Repeat(1.0, 151).ToList() } },
        { "0 values", Valid with { Value = null, Values = [], Counts = [] } },
        { "2 counts for 1 values", Valid with { Value = null, Values = [1.0], Counts = [1.0, 2.0] } },
        { "count 0 is not", Valid with { Value = null, Values = [1.0], Counts = [0.0] } },
        { "count NaN is not", Valid with { Value = null, Values = [1.0], Counts = [double.NaN] } },
        { "outside CloudWatch's range", Valid with { Value = null, Values = [1.0, double.PositiveInfinity], Counts = [1.0, 1.0] } },
        { "sample count 0 is not positive", Valid with { Value = null, StatisticValues = new StatisticSet(0, 0, 0, 0) } },
        { "minimum 5 exceeds maximum 1", Valid with { Value = null, StatisticValues = new StatisticSet(2, 6, 5, 1) } },
        { "non-finite", Valid with { Value = null, StatisticValues = new StatisticSet(2, double.NaN, 1, 5) } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidDatum_ReturnsReason(string reason, MetricDatum datum) =>
        DatumValidator.Validate(datum, Now).Should().Contain(reason);

    [Fact]
    public void Validate_LimitsExactly_Accepted()
    {
        var datum = Valid with
        {
            MetricName = new string('m', 255),
            Dimensions = Enumerable.Range(0, 30).Select(i => new Dimension($"D{i}".PadRight(255, 'x'), new string('v', 1024))).ToList(),
            Timestamp = Now - TimeSpan.FromDays(14),
            Value = null,
            Values = Enumerable.Repeat(1.0, 150).ToList(),
            Counts = Enumerable.Repeat(3.0, 150).ToList(),
            StorageResolution = 1,
            Unit = "Count/Second",
        };

        DatumValidator.Validate(datum, Now).Should().BeNull();
        DatumValidator.Validate(datum with { Timestamp = Now + TimeSpan.FromHours(2), Counts = null }, Now).Should().BeNull();
    }

    [Theory]
    [InlineData("Neuron", null)]
    [InlineData("My App/Neuron_1.2-x#y:z", null)]
    [InlineData("", "empty")]
    [InlineData("AWS/Neuron", "reserved prefix")]
    [InlineData("Neuron&Co", "may contain only")]
    [InlineData("Névron", "may contain only")]
    public void ValidateNamespace_Cases(string metricNamespace, string? expected)
    {
        var error = DatumValidator.ValidateNamespace(metricNamespace);

        if (expected is null)
        {
            error.Should().BeNull();
        }
        else
        {
            error.Should().Contain(expected);
        }
    }

    [Fact]
    public void ValidateNamespace_TooLong_Rejected() =>
        DatumValidator.ValidateNamespace(new string('n', 256)).Should().Contain("255");
}
