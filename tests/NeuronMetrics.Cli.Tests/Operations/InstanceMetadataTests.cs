using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>Reports without instance_id (a container without host networking) get their identity from instance metadata (IMDSv2).</summary>
public sealed class InstanceMetadataTests
{
    [Fact]
    public async Task DryRun_ReportsWithoutInstanceId_IdentityFromImdsAskedOnce()
    {
        await using var imds = new FakeImds(FakeImds.Document("i-0fromimds1234567", "inf2.xlarge", "us-east-2c", "us-east-2"));

        var run = await NeuronCwProcess.RunAsync(
            ["--dry-run", "--dimensions", "InstanceId,InstanceType,AvailabilityZone", "--imds-timeout", "30s"], await File.ReadAllBytesAsync(NoMetadataSampleDatums.Path), imds.Environment());

        run.ExitCode.Should().Be(0, run.ToString());
        NoMetadataSampleDatums.EveryValueOfBothCores(run).Should().OnlyContain(d =>
            d.Dimensions["InstanceId"] == "i-0fromimds1234567" && d.Dimensions["InstanceType"] == "inf2.xlarge" && d.Dimensions["AvailabilityZone"] == "us-east-2c");
        imds.Requests.Select(r => r.RequestLine.Split(' ')[0] + " " + r.RequestLine.Split(' ')[1])
            .Should().Equal("PUT /latest/api/token", "GET /latest/dynamic/instance-identity/document");
        run.Stderr.Should().NotContain("warning:");
    }

    [Fact]
    public async Task DryRun_NoImds_WarnsOnceWithWhatToDoAndKeepsSending()
    {
        await using var imds = new FakeImds(document: null); // answers 404: not an EC2 instance

        var run = await NeuronCwProcess.RunAsync(["--dry-run", "--imds-timeout", "30s"], await File.ReadAllBytesAsync(NoMetadataSampleDatums.Path), imds.Environment());

        run.ExitCode.Should().Be(0, run.ToString());
        run.StderrLines.Where(l => l.Contains("warning:", StringComparison.Ordinal)).Should().ContainSingle().Which.Should()
            .Contain("no instance_id").And.Contain("--dimension InstanceId=").And.Contain("hop limit").And.Contain("host networking");
        NoMetadataSampleDatums.EveryValueOfBothCores(run).Should().OnlyContain(d => !d.Dimensions.ContainsKey("InstanceId"));
    }

    [Fact]
    public async Task DryRun_ImdsNeverAnswers_BoundedByTheTimeoutThenKeepsSending()
    {
        await using var imds = new FakeImds(FakeImds.Document("i-0late", "inf2.xlarge", "us-east-2c", "us-east-2"), delay: TimeSpan.FromMinutes(5));

        var run = await NeuronCwProcess.RunAsync(["--dry-run", "--imds-timeout", "500ms"], await File.ReadAllBytesAsync(NoMetadataSampleDatums.Path), imds.Environment());

        run.ExitCode.Should().Be(0, run.ToString());
        run.StderrLines.Should().ContainSingle(l => l.Contains("warning:", StringComparison.Ordinal) && l.Contains("no answer within 0.5 s", StringComparison.Ordinal));
        NoMetadataSampleDatums.EveryValueOfBothCores(run);
    }

    [Fact]
    public async Task DryRun_FixedInstanceId_UsedAndImdsNotAsked()
    {
        await using var imds = new FakeImds(FakeImds.Document("i-0fromimds", "inf2.xlarge", "us-east-2c", "us-east-2"));

        var run = await NeuronCwProcess.RunAsync(
            ["--dry-run", "--dimensions", "InstanceType", "--dimension", "InstanceId=i-0fixed"], await File.ReadAllBytesAsync(NoMetadataSampleDatums.Path), imds.Environment());

        run.ExitCode.Should().Be(0, run.ToString());
        NoMetadataSampleDatums.EveryValueOfBothCores(run).Should().OnlyContain(d =>
            d.Dimensions["InstanceId"] == "i-0fixed" && !d.Dimensions.ContainsKey("InstanceType"));
        imds.Requests.Should().BeEmpty();
        run.Stderr.Should().NotContain("warning:");
    }

    [Fact]
    public async Task DryRun_ImdsOff_NeverAsked()
    {
        await using var imds = new FakeImds(FakeImds.Document("i-0fromimds", "inf2.xlarge", "us-east-2c", "us-east-2"));

        var run = await NeuronCwProcess.RunAsync(["--dry-run", "--imds-timeout", "off"], await File.ReadAllBytesAsync(NoMetadataSampleDatums.Path), imds.Environment());

        run.ExitCode.Should().Be(0, run.ToString());
        imds.Requests.Should().BeEmpty();
        NoMetadataSampleDatums.EveryValueOfBothCores(run).Should().OnlyContain(d => !d.Dimensions.ContainsKey("InstanceId"));
    }
}
