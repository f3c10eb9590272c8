namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>
/// Web identity credentials (EKS IRSA) through a fake STS on 127.0.0.1: the STS client must be available to
/// AWSSDK.Core (registered explicitly, which the Native AOT binary needs) and its keys must sign the requests.
/// </summary>
public sealed class WebIdentityTests : IDisposable
{
    private const string StsAccessKey = "ASIAFAKESTSOPS000001";

    private readonly string _home = OpsInputs.TempDirectory();

    [Fact]
    public async Task Run_WebIdentityToken_SignsWithStsIssuedKeys()
    {
        await using var server = new OpsHttpServer((_, body) => Task.FromResult(
            body.Contains("Action=AssumeRoleWithWebIdentity", StringComparison.Ordinal) ? (200, AssumeRoleResponse) : OpsHttpServer.Ok));
        var token = Path.Combine(_home, "token");
        await File.WriteAllTextAsync(token, "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        var env = OpsProcessRunner.CleanEnvironment(_home);
        env["AWS_REGION"] = "us-east-1";
        env["AWS_ENDPOINT_URL_STS"] = server.Url;
        env["AWS_ENDPOINT_URL_CLOUDWATCH"] = server.Url;
        env["AWS_WEB_IDENTITY_TOKEN_FILE"] = token;
        env["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/neuron-cw";
        env["AWS_ROLE_SESSION_NAME"] = "ops-test";

        using var run = await OpsProcessRunner.RunAsync([], env, OpsInputs.ReportsForInstances(1), TimeSpan.FromSeconds(60));

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        server.Requests.Should().Contain(r => r.Body.Contains("Action=AssumeRoleWithWebIdentity", StringComparison.Ordinal));
        var put = server.Requests.Where(r => r.Body.Contains("Action=PutMetricData", StringComparison.Ordinal)).ToList();
        put.Should().NotBeEmpty();
        put.Should().OnlyContain(r => r.Authorization != null && r.Authorization.Contains($"Credential={StsAccessKey}/", StringComparison.Ordinal));
        server.DeliveredDatums.Should().Be(4);
        run.Stderr.Should().NotContain("fake-sts-secret").And.NotContain("fake-sts-session-token");
    }

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

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
