namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>The tests that talk to moto_server share one server and run one at a time (each in its own namespace).</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto_server";
}
