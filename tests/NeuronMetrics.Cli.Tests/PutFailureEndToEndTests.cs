using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary><c>alarms --put</c> and <c>dashboard --put</c> when sending cannot work: refused requests, refused credentials, no credentials, no region.</summary>
public sealed class PutFailureEndToEndTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Fact]
    public async Task AlarmsPut_RequestRefusedWithSecretInMessage_Exit3WithScrubbedMessageAndSignedRequests()
    {
        await using var server = new ScriptedHttpServer(new ScriptedReply(400,
            $"<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>bad aws_secret_access_key={Secret}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"));

        var result = await NeuronCwProcess.RunAsync(["alarms", "--instance-average", "--instance-id", "i-0abc", "--put"], "", LoopbackCloudWatch.Environment(server.Url));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Stderr.Should().Contain("PutMetricAlarm neuron-cw/i-0abc/idle: not accepted").And.Contain("InvalidParameterValue");
        result.AllOutput.Should().NotContain(Secret);
        server.Requests.Should().HaveCount(2, "each alarm is sent once: a refused request is not retried");
        server.Requests.Should().OnlyContain(r => r.Headers["Authorization"].StartsWith("AWS4-HMAC-SHA256 Credential=AKIDLOOPBACKTEST/", StringComparison.Ordinal));
        server.Requests[0].BodyText().Should().StartWith("Action=PutMetricAlarm&Version=2010-08-01&AlarmName=neuron-cw%2Fi-0abc%2Fidle&");
    }

    [Fact]
    public async Task DashboardPut_CredentialsRefused_Exit5()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(403, "AccessDenied"));

        var result = await NeuronCwProcess.RunAsync(["dashboard", "--put"], "", LoopbackCloudWatch.Environment(server.Url));

        result.ExitCode.Should().Be(5, result.ToString());
        server.Requests.Should().ContainSingle().Which.BodyText().Should().StartWith("Action=PutDashboard&Version=2010-08-01&DashboardName=neuron-cw&DashboardBody=");
    }

    [Fact]
    public async Task DashboardPut_NoCredentials_Exit4AndNothingSent()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        var environment = LoopbackCloudWatch.Environment(server.Url);
        environment["AWS_ACCESS_KEY_ID"] = null;
        environment["AWS_SECRET_ACCESS_KEY"] = null;

        var result = await NeuronCwProcess.RunAsync(["dashboard", "--put"], "", environment);

        result.ExitCode.Should().Be(4, result.ToString());
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Dashboard_NoRegionAnywhere_Exit2NamingTheFlag()
    {
        var result = await NeuronCwProcess.RunAsync(["dashboard"], "");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("pass --region");
    }
}
