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
    public async Task ReadAsync_Redirect_NotFollowed()
    {
        using var target = new ScriptedHttpServer(new ScriptedReply(200, """{"Cluster":"evil","Family":"f"}""", Json));
        using var server = new ScriptedHttpServer(new ScriptedReply(302, "", Json) { Headers = new Dictionary<string, string> { ["Location"] = target.BaseUrl + "/task" } });

        var act = () => EcsTaskMetadataReader.ReadAsync(server.BaseUrl + "/v4/x", Timeout, CancellationToken.None);

        (await act.Should().ThrowAsync<EcsMetadataException>()).WithMessage("*HTTP 302 (redirects are not followed)");
        target.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("http://metadata.example.com/v4/x")]
    [InlineData("http://10.0.0.7/v4/x")]
    [InlineData("http://8.8.8.8/v4/x")]
    [InlineData("http://user:pw@169.254.170.2/v4/x")]
    [InlineData("https://169.254.170.2/v4/x")]
    public void TaskUri_NotTheLinkLocalOrLoopbackFormEcsSets_Refused(string endpoint)
    {
        var act = () => EcsTaskMetadataReader.TaskUri(endpoint);

        act.Should().Throw<EcsMetadataException>().WithMessage("ECS_CONTAINER_METADATA_URI_V4 *");
    }

    [Theory]
    [InlineData("http://169.254.170.2/v4/abc", "http://169.254.170.2/v4/abc/task")]
    [InlineData("http://127.0.0.1:51678/v4/abc/", "http://127.0.0.1:51678/v4/abc/task")]
    [InlineData("http://[fe80::1]/v4/abc", "http://[fe80::1]/v4/abc/task")]
    public void TaskUri_DocumentedForms_Accepted(string endpoint, string expected)
    {
        EcsTaskMetadataReader.TaskUri(endpoint).ToString().Should().Be(expected);
    }

    [Fact]
    public async Task ReadAsync_HugeBody_RefusedWithoutReadingItAll()
    {
        string huge = "{\"Cluster\":\"" + new string('c', EcsTaskMetadataReader.MaxResponseBytes) + "\",\"Family\":\"f\"}";
        using var server = new ScriptedHttpServer(new ScriptedReply(200, huge, Json));

        var act = () => EcsTaskMetadataReader.ReadAsync(server.BaseUrl, Timeout, CancellationToken.None);

        await act.Should().ThrowAsync<EcsMetadataException>();
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_ClearException()
    {
        byte[] body = [.. "{\"Cluster\":\"a"u8, 0xC3, 0x28, .. "\",\"Family\":\"f\"}"u8];
        using var server = new ScriptedHttpServer(new ScriptedReply(200, "", Json) { RawBody = body });

        var act = () => EcsTaskMetadataReader.ReadAsync(server.BaseUrl, Timeout, CancellationToken.None);

        (await act.Should().ThrowAsync<EcsMetadataException>()).WithMessage("*invalid*");
    }

    [Fact]
    public void Parse_NoClusterOrFamily_Nulls()
    {
        EcsTaskMetadataReader.Parse("""{"Cluster":"","Family":5}"""u8, new Uri("http://127.0.0.1/task")).Should().Be(new EcsTaskInfo(null, null));
    }
}
