using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Mapping;

public sealed class MetricKeyCacheTests
{
    private static readonly Dimension[] BaseA = [new("InstanceId", "i-1")];
    private static readonly Dimension[] BaseB = [new("InstanceId", "i-1"), new("RuntimeTag", "t")];
    private static readonly Dimension[] NoPlacement = [];

    private static MetricKey Key(string name) => new(name, MetricUnit.Count, BaseA, "i-1");

    [Theory]
    [InlineData("", 0)]
    [InlineData("0", 1)]
    [InlineData("9", 10)]
    [InlineData("17", 18)]
    [InlineData("255", 256)]
    [InlineData("256", -1)]
    [InlineData("007", -1)]
    [InlineData("01", -1)]
    [InlineData("1a", -1)]
    [InlineData("x", -1)]
    [InlineData("1000", -1)]
    [InlineData("generic", -1)]
    public void SlotOf_Item_SlotOrMinusOne(string item, int expected) => MetricKeyCache.SlotOf(item).Should().Be(expected);

    [Fact]
    public void Find_SameParts_KeyAdded()
    {
        var cache = new MetricKeyCache();
        var key = Key("a");
        cache.Add(MetricCatalog.NeuronCoreUtilization, 4, BaseA, NoPlacement, "3", key);

        cache.Find(MetricCatalog.NeuronCoreUtilization, 4, BaseA, NoPlacement, "3").Should().BeSameAs(key);
    }

    [Fact]
    public void Find_OtherMetricBasePlacementOrItem_Null()
    {
        var cache = new MetricKeyCache();
        cache.Add(MetricCatalog.NeuronCoreUtilization, 4, BaseA, NoPlacement, "3", Key("a"));

        cache.Find(MetricCatalog.NeuronCoreMemoryUsed, 4, BaseA, NoPlacement, "3").Should().BeNull();
        cache.Find(MetricCatalog.NeuronCoreUtilization, 4, BaseB, NoPlacement, "3").Should().BeNull();
        cache.Find(MetricCatalog.NeuronCoreUtilization, 4, BaseA, [new("PodName", "p")], "3").Should().BeNull();
        cache.Find(MetricCatalog.NeuronCoreUtilization, 4, [new("InstanceId", "i-1")], NoPlacement, "3").Should().BeNull("arrays match by reference");
        cache.Find(MetricCatalog.NeuronCoreUtilization, 5, BaseA, NoPlacement, "4").Should().BeNull();
    }

    [Fact]
    public void Add_ThirdBaseInOneSlot_OldestDropped()
    {
        var cache = new MetricKeyCache();
        var baseC = new Dimension[] { new("InstanceId", "i-2") };
        var (a, b, c) = (Key("a"), Key("b"), Key("c"));
        cache.Add(MetricCatalog.NeuronCoreUtilization, 1, BaseA, NoPlacement, "0", a);
        cache.Add(MetricCatalog.NeuronCoreUtilization, 1, BaseB, NoPlacement, "0", b);

        cache.Find(MetricCatalog.NeuronCoreUtilization, 1, BaseA, NoPlacement, "0").Should().BeSameAs(a);
        cache.Find(MetricCatalog.NeuronCoreUtilization, 1, BaseB, NoPlacement, "0").Should().BeSameAs(b);

        cache.Add(MetricCatalog.NeuronCoreUtilization, 1, baseC, NoPlacement, "0", c);

        cache.Find(MetricCatalog.NeuronCoreUtilization, 1, baseC, NoPlacement, "0").Should().BeSameAs(c);
        cache.Find(MetricCatalog.NeuronCoreUtilization, 1, BaseB, NoPlacement, "0").Should().BeSameAs(b);
        cache.Find(MetricCatalog.NeuronCoreUtilization, 1, BaseA, NoPlacement, "0").Should().BeNull();
    }

    [Fact]
    public void Add_HighestIndex_GrowsAndFinds()
    {
        var cache = new MetricKeyCache();
        var key = Key("a");
        cache.Add(MetricCatalog.NeuronCoreUtilization, MetricKeyCache.MaxIndex + 1, BaseA, NoPlacement, "255", key);

        cache.Find(MetricCatalog.NeuronCoreUtilization, MetricKeyCache.MaxIndex + 1, BaseA, NoPlacement, "255").Should().BeSameAs(key);
        cache.Find(MetricCatalog.NeuronCoreUtilization, 1, BaseA, NoPlacement, "0").Should().BeNull();
    }
}
