using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>
/// Web identity credentials (EKS IRSA) through a fake STS on 127.0.0.1: the STS client must be available to
/// AWSSDK.Core (registered explicitly, which the Native AOT binary needs) and its keys must sign the requests.
/// </summary>
public sealed class WebIdentityTests : IDisposable
{
    private const string StsAccessKey = "ASIAFAKESTSOPS000001";

    private readonly string _work = OpsInputs.TempDirectory();

    [Fact]
    public async Task Run_WebIdentityToken_SignsWithStsIssuedKeys()
    {
        await using var server = new ScriptedHttpServer(request =>
            IsAssumeRole(request) ? new ScriptedReply(200, AssumeRoleResponse) : CloudWatchReplies.Ok());
        var token = Path.Combine(_work, "token");
        await File.WriteAllTextAsync(token, "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        var env = new Dictionary<string, string?>
        {
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL_STS"] = server.Url.ToString(),
            ["AWS_ENDPOINT_URL_CLOUDWATCH"] = server.Url.ToString(),
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = token,
            ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/neuron-cw",
            ["AWS_ROLE_SESSION_NAME"] = "ops-test",
        };

        var run = await NeuronCwProcess.RunAsync([], OpsInputs.ReportsForInstances(1), env, TimeSpan.FromSeconds(60));

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        server.Requests.Should().Contain(r => IsAssumeRole(r));
        var put = server.Requests.Where(r => r.BodyText().Contains("Action=PutMetricData", StringComparison.Ordinal)).ToList();
        put.Should().NotBeEmpty();
        put.Should().OnlyContain(r => r.Headers.ContainsKey("Authorization") && r.Headers["Authorization"].Contains($"Credential={StsAccessKey}/", StringComparison.Ordinal));
        PutMetricDataRequests.DeliveredDatums(server.Requests).Should().Be(PutMetricDataRequests.ExpectedSampleDatums(server.Requests)).And.BeInRange(4, 8);
        run.Stderr.Should().NotContain("fake-sts-secret").And.NotContain("fake-sts-session-token");
    }

    private static bool IsAssumeRole(RecordedRequest request) =>
        request.BodyText().Contains("Action=AssumeRoleWithWebIdentity", StringComparison.Ordinal);

    private static string AssumeRoleResponse =>
        $"""
        <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleWithWebIdentityResult>
            <SubjectFromWebIdentityToken>system:serviceaccount:neuron:neuron-cw</SubjectFromWebIdentityToken>
            <AssumedRoleUser>
              <Arn>arn:aws:sts::123456789012:assumed-role/neuron-cw/ops-test</Arn>
              <AssumedRoleId>AROAOPSTEST:ops-test</AssumedRoleId>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>{StsAccessKey}</AccessKeyId>
              <SecretAccessKey>fake-sts-secret</SecretAccessKey>
              <SessionToken>fake-sts-session-token</SessionToken>
              <Expiration>{DateTime.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}</Expiration>
            </Credentials>
          </AssumeRoleWithWebIdentityResult>
          <ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata>
        </AssumeRoleWithWebIdentityResponse>
        """;

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
