using NeuronMetrics.Metadata;

namespace NeuronMetrics.Tests.Metadata;

public sealed class EcsTaskMetadataReaderTests
{
    private const string Json = "application/json";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ReadAsync_ClusterArn_NameAndFamily()
    {
        using var server = new ScriptedHttpServer(new ScriptedReply(200, """
            {"Cluster":"arn:aws:ecs:us-west-2:111122223333:cluster/inference-prod","TaskARN":"arn:aws:ecs:us-west-2:111122223333:task/inference-prod/abc",
             "Family":"bert-serving","Revision":"7","Containers":[{"Name":"x"}]}
            """, Json));

        var task = await EcsTaskMetadataReader.ReadAsync(server.BaseUrl + "/v4/abc-123", Timeout, CancellationToken.None);

        task.Should().Be(new EcsTaskInfo("inference-prod", "bert-serving"));
        server.Requests.Select(r => r.RequestLine).Should().Equal("GET /v4/abc-123/task HTTP/1.1");
    }

    [Fact]
    public async Task ReadAsync_PlainClusterName_KeptAsItIs()
    {
        using var server = new ScriptedHttpServer(new ScriptedReply(200, """{"Cluster":"default","Family":"f"}""", Json));

        var task = await EcsTaskMetadataReader.ReadAsync(server.BaseUrl + "/", Timeout, CancellationToken.None);

        task.Should().Be(new EcsTaskInfo("default", "f"));
    }

    [Fact]
    public async Task ReadAsync_HttpError_ClearException()
    {
        using var server = new ScriptedHttpServer(new ScriptedReply(404, "not found", Json));

        var act = () => EcsTaskMetadataReader.ReadAsync(server.BaseUrl, Timeout, CancellationToken.None);

        (await act.Should().ThrowAsync<EcsMetadataException>()).WithMessage("ECS task metadata http://127.0.0.1:*/task: HTTP 404");
    }

    [Fact]
    public async Task ReadAsync_SlowEndpoint_TimesOut()
    {
        using var server = new ScriptedHttpServer(new ScriptedReply(200, "{}", Json).Slow(TimeSpan.FromSeconds(30)));

        var act = () => EcsTaskMetadataReader.ReadAsync(server.BaseUrl, TimeSpan.FromMilliseconds(200), CancellationToken.None);

        (await act.Should().ThrowAsync<EcsMetadataException>()).WithMessage("*no answer within 0.2 s");
    }

    [Fact]
    public async Task ReadAsync_NotJson_ClearException()
    {
        using var server = new ScriptedHttpServer(new ScriptedReply(200, "<html>", Json));

        var act = () => EcsTaskMetadataReader.ReadAsync(server.BaseUrl, Timeout, CancellationToken.None);

        (await act.Should().ThrowAsync<EcsMetadataException>()).WithMessage("*invalid JSON*");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ftp://x")]
    public async Task ReadAsync_NoUsableEndpoint_SaysSo(string? endpoint)
    {
        var act = () => EcsTaskMetadataReader.ReadAsync(endpoint, Timeout, CancellationToken.None);

        (await act.Should().ThrowAsync<EcsMetadataException>()).WithMessage("ECS_CONTAINER_METADATA_URI_V4 is not*");
    }

    [Fact]
    public void Parse_NoClusterOrFamily_Nulls()
    {
        EcsTaskMetadataReader.Parse("""{"Cluster":"","Family":5}"""u8, new Uri("http://127.0.0.1/task")).Should().Be(new EcsTaskInfo(null, null));
    }
}
