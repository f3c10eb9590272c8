using System.Diagnostics;
using System.Text.Json;
using NeuronMetrics.Tests;

namespace NeuronMetrics.Cli.Tests;

/// <summary>Spawns the built neuron-cw with ClusterName/TaskFamily dimensions against a task metadata endpoint on 127.0.0.1.</summary>
public sealed class EcsDimensionsEndToEndTests
{
    private static string Sample(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NeuronMetrics.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "samples", name);
    }

    private static Process Start(string metadataUrl, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "neuron-cw.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ECS_CONTAINER_METADATA_URI_V4"] = metadataUrl;
        return Process.Start(info)!;
    }

    [Fact]
    public async Task DryRun_EcsDimensions_ReadOnceFromTheTaskEndpoint()
    {
        using var server = new LocalHttpServer(200, """{"Cluster":"arn:aws:ecs:ap-northeast-1:111122223333:cluster/ml","Family":"infer"}""");
        using var process = Start(server.BaseUrl + "/v4/x", "--dry-run", "--dimensions", "ClusterName,TaskFamily,InstanceId");

        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(Sample("inf1.xlarge-neuroncore.jsonl")));
        process.StandardInput.Close();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0);
        using var request = JsonDocument.Parse(output.Split('\n')[0]);
        var dimensions = request.RootElement.GetProperty("MetricData")[0].GetProperty("Dimensions").EnumerateArray()
            .Select(d => d.GetProperty("Name").GetString() + "=" + d.GetProperty("Value").GetString());
        dimensions.Should().Equal("ClusterName=ml", "TaskFamily=infer", "InstanceId=i-0123456789abcdef0", "NeuronCore=0");
        server.Requests.Should().Equal("GET /v4/x/task HTTP/1.1");
    }

    [Fact]
    public async Task Run_EcsEndpointDown_FailsBeforeReadingStdin()
    {
        string closedPort;
        using (var server = new LocalHttpServer(200, "{}"))
        {
            closedPort = server.BaseUrl;
        }

        using var process = Start(closedPort, "--dry-run", "--dimensions", "TaskFamily");

        // stdin stays open: a process that read it would never exit.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        string error = await process.StandardError.ReadToEndAsync();

        process.ExitCode.Should().Be(2);
        error.Should().StartWith("neuron-cw: error: --dimensions ClusterName/TaskFamily: ECS task metadata http://127.0.0.1:");
        (await process.StandardOutput.ReadToEndAsync()).Should().BeEmpty();
    }
}
