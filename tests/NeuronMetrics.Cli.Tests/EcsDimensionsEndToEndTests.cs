using System.Text.Json;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>Spawns the built neuron-cw with ClusterName/TaskFamily dimensions against a task metadata endpoint on 127.0.0.1.</summary>
public sealed class EcsDimensionsEndToEndTests
{
    private static Dictionary<string, string?> Metadata(string url) => new() { ["ECS_CONTAINER_METADATA_URI_V4"] = url };

    [Fact]
    public async Task DryRun_EcsDimensions_ReadOnceFromTheTaskEndpoint()
    {
        using var server = new ScriptedHttpServer(new ScriptedReply(200, """{"Cluster":"arn:aws:ecs:ap-northeast-1:111122223333:cluster/ml","Family":"infer"}""", "application/json"));

        var result = await NeuronCwProcess.RunAsync(
            ["--dry-run", "--dimensions", "ClusterName,TaskFamily,InstanceId"],
            await File.ReadAllBytesAsync(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")),
            Metadata(server.BaseUrl + "/v4/x"));

        result.ExitCode.Should().Be(0);
        using var request = JsonDocument.Parse(result.Stdout.Split('\n')[0]);
        var dimensions = request.RootElement.GetProperty("MetricData")[0].GetProperty("Dimensions").EnumerateArray()
            .Select(d => d.GetProperty("Name").GetString() + "=" + d.GetProperty("Value").GetString());
        dimensions.Should().Equal("ClusterName=ml", "TaskFamily=infer", "InstanceId=i-0123456789abcdef0", "NeuronCore=0");
        server.Requests.Select(r => r.RequestLine).Should().Equal("GET /v4/x/task HTTP/1.1");
    }

    [Fact]
    public async Task Run_EcsEndpointDown_FailsBeforeReadingStdin()
    {
        string closedPort;
        using (var server = new ScriptedHttpServer(new ScriptedReply(200, "{}", "application/json")))
        {
            closedPort = server.BaseUrl;
        }

        // stdin stays open: a process that read it would never exit.
        using var process = NeuronCwProcess.Start(["--dry-run", "--dimensions", "TaskFamily"], Metadata(closedPort));
        var result = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("neuron-cw: error: --dimensions ClusterName/TaskFamily: ECS task metadata http://127.0.0.1:");
        result.Stdout.Should().BeEmpty();
    }
}
