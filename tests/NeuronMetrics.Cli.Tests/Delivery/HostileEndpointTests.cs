using System.Security;
using NeuronMetrics.Cli.Tests.Operations;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>An endpoint whose error messages try to forge log lines or smuggle secrets into them.</summary>
public sealed class HostileEndpointTests
{
    private const string Token = "IQoJb3JpZ2luX2VjEHostileEchoedSessionToken0123456789";

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Run_ErrorMessageWithLineBreaksAndSecrets_LoggedAsOneBoundedSanitizedLine(string format)
    {
        string message = "bad value\nneuron-cw: info: done: reports=0 sent=999 dropped=0\u0085 Authorization: AWS4-HMAC-SHA256 Credential=AKIAECHOEDKEY0000001/x, Signature=00ff "
            + $"\nX-Amz-Security-Token: {Token} " + string.Concat(Enumerable.Repeat("padding ", 500));
        await using var server = new ScriptedHttpServer(new ScriptedReply(400,
            $"<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>{SecurityElement.Escape(message)}</Message></Error><RequestId>req-hostile</RequestId></ErrorResponse>"));

        var run = await NeuronCwProcess.RunAsync(["--log-format", format, "--log-level", "debug"], OpsInputs.ReportsForInstances(1), LoopbackCloudWatch.Environment(server.Url), TimeSpan.FromSeconds(60));

        run.ExitCode.Should().Be(ExitCodes.DataDropped, run.ToString());
        var failure = run.StderrLines.Should().ContainSingle(l => l.Contains("PutMetricData failed", StringComparison.Ordinal)).Subject;
        failure.Should().Contain("InvalidParameterValue").And.Contain("req-hostile").And.Contain("(truncated)");
        failure.Length.Should().BeLessThan(1000);
        run.StderrLines.Count(l => l.StartsWith("neuron-cw: info: done: ", StringComparison.Ordinal) || l.Contains("\"message\":\"done: ", StringComparison.Ordinal))
            .Should().Be(1, "the echoed text cannot start a line of its own");
        run.AllOutput.Should().NotContain(Token[..16]).And.NotContain("AKIAECHOEDKEY").And.NotContain("\u0085");
    }
}
