using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.Diagnostics;
using static NeuronMetrics.CloudWatch.Tests.Fakes.ClientHarness;

namespace NeuronMetrics.CloudWatch.Tests.Client;

/// <summary>One-off Query actions through the PutMetricData sender: encoding, signing, retries and scrubbed errors.</summary>
public sealed class CloudWatchActionClientTests
{
    private static readonly QueryActionRequest Request = new("PutMetricAlarm",
    [
        new("AlarmName", "neuron-cw/i-1/idle"),
        new("AlarmActions.member.1", "arn:aws:automate:us-east-1:ec2:stop"),
        new("Threshold", "5"),
    ]);

    [Fact]
    public async Task SendAsync_Accepted_SendsTheFormEncodedActionSignedWithSigV4()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        using var client = CloudWatchSinkFactory.CreateActionClient(Options(server), new ListLog(LogLevel.Debug));

        var result = await client.SendAsync(Request, CancellationToken.None);

        result.Accepted.Should().BeTrue();
        result.Attempts.Should().Be(1);
        var request = server.Requests.Should().ContainSingle().Subject;
        request.BodyText().Should().Be(
            "Action=PutMetricAlarm&Version=2010-08-01&AlarmName=neuron-cw%2Fi-1%2Fidle&AlarmActions.member.1=arn%3Aaws%3Aautomate%3Aus-east-1%3Aec2%3Astop&Threshold=5");
        SignedBy(request).Should().Be(AccessKey);
        request.Headers["Authorization"].Should().Contain("/us-east-1/monitoring/aws4_request");
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailableThenOk_RetriesAndIsAccepted()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(503, "ServiceUnavailable"), CloudWatchReplies.Ok());
        using var client = CloudWatchSinkFactory.CreateActionClient(Options(server), new ListLog(LogLevel.Debug));

        var result = await client.SendAsync(Request, CancellationToken.None);

        result.Accepted.Should().BeTrue();
        result.Attempts.Should().Be(2);
        server.Requests.Should().HaveCount(2);
        server.Requests[1].Body.Should().Equal(server.Requests[0].Body);
    }

    [Fact]
    public async Task SendAsync_RejectedWithSecretInMessage_NotRetriedAndMessageScrubbed()
    {
        const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        await using var server = new ScriptedHttpServer(new ScriptedReply(400,
            $"<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>bad aws_secret_access_key={Secret}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"));
        using var client = CloudWatchSinkFactory.CreateActionClient(Options(server), new ListLog(LogLevel.Debug));

        var result = await client.SendAsync(Request, CancellationToken.None);

        result.Accepted.Should().BeFalse();
        server.Requests.Should().ContainSingle("a rejected request is not retried");
        result.Error!.Code.Should().Be("InvalidParameterValue");
        result.Error.Message.Should().NotContain(Secret);
    }

    [Fact]
    public async Task SendAsync_AccessDenied_SaysAuthenticationRefused()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(403, "AccessDenied"));
        using var client = CloudWatchSinkFactory.CreateActionClient(Options(server), new ListLog(LogLevel.Debug));

        var result = await client.SendAsync(Request, CancellationToken.None);

        result.Accepted.Should().BeFalse();
        result.AuthenticationRefused.Should().BeTrue();
        server.Requests.Should().ContainSingle();
    }
}
