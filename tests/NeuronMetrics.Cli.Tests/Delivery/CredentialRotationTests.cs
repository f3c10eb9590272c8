using System.Globalization;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>
/// ECS task role credentials that rotate, served by a loopback fake of the container credentials endpoint
/// (AWS_CONTAINER_CREDENTIALS_FULL_URI) in front of a loopback CloudWatch that records which key signed each request.
/// </summary>
public sealed class CredentialRotationTests
{
    private const string OldKey = "ASIAROTATIONOLD00001";
    private const string NewKey = "ASIAROTATIONNEW00002";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_ContainerCredentialsRotate_LaterRequestsSignedWithNewKeyNothingDropped(bool serviceSaysExpired)
    {
        // short expiry: AWSSDK refreshes by itself (it treats credentials as expired 15 minutes early, so "15 min 3 s"
        // lasts 3 s). serviceSaysExpired: a long expiry the SDK would keep, but CloudWatch answers ExpiredToken to the
        // old key once rotated, so neuron-cw must resolve the credentials again.
        var rotated = false;
        int acceptedOld = 0;
        var lifetime = serviceSaysExpired ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(3);
        await using var cloudWatch = new ScriptedHttpServer(request =>
        {
            // The role is rotated once two requests signed with the old key were accepted.
            if (SignedBy(request) != OldKey)
            {
                return CloudWatchReplies.Ok();
            }

            if (Volatile.Read(ref rotated))
            {
                return serviceSaysExpired ? CloudWatchReplies.Error(400, "ExpiredToken") : CloudWatchReplies.Ok();
            }

            if (Interlocked.Increment(ref acceptedOld) >= 2)
            {
                Volatile.Write(ref rotated, true);
            }

            return CloudWatchReplies.Ok();
        });
        await using var container = new ScriptedHttpServer(_ => new ScriptedReply(200, Credentials(Volatile.Read(ref rotated) ? NewKey : OldKey, lifetime), "application/json"));
        var environment = new Dictionary<string, string?>
        {
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = container.BaseUrl + "/v2/credentials/task-role",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL_CLOUDWATCH"] = cloudWatch.Url.ToString(),
        };
        using var run = NeuronCwProcess.Start(["--flush-interval", "1s", "--stats-interval", "off", "--shutdown-timeout", "30s"], environment);
        await run.WaitUntilStartedAsync();

        await using (new ReportFeed(run))
        {
            await WaitUntil(() => cloudWatch.Requests.Count(r => r.AnsweredStatus == 200 && SignedBy(r) == NewKey) >= 2, run);
        }

        run.CloseStandardInput();
        var result = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        var keys = cloudWatch.Requests.Select(SignedBy).ToList();
        keys.Should().StartWith(OldKey);
        int firstNew = keys.IndexOf(NewKey);
        keys.Skip(firstNew).Should().OnlyContain(k => k == NewKey, "after the switch requests are signed with the new key");
        container.Requests.Count.Should().BeGreaterThanOrEqualTo(2, "the credentials were fetched again");
        var summary = SummaryLine.Parse(result);
        summary["dropped"].Should().Be(0);
        summary["in-doubt"].Should().Be(0);
        summary["sent"].Should().Be(summary["datums"]).And.Be(PutMetricDataRequests.DatumKeys(cloudWatch.Requests).Count);
        // With ExpiredToken the request is retried with the new key; otherwise the SDK refreshed before it was refused.
        cloudWatch.Requests.Any(r => r.AnsweredStatus == 400).Should().Be(serviceSaysExpired);
        (summary["retries"] > 0).Should().Be(serviceSaysExpired);
        result.Stderr.Should().NotContain("rotation-secret").And.NotContain("rotation-token");
    }

    private static string Credentials(string key, TimeSpan lifetime) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"AccessKeyId":"{{key}}","SecretAccessKey":"rotation-secret-{{key}}","Token":"rotation-token-{{key}}","Expiration":"{{DateTime.UtcNow.Add(lifetime):yyyy-MM-ddTHH:mm:ssZ}}","RoleArn":"arn:aws:iam::123456789012:role/neuron-cw"}""");

    private static string SignedBy(RecordedRequest request)
    {
        var authorization = request.Headers["Authorization"];
        int start = authorization.IndexOf("Credential=", StringComparison.Ordinal) + "Credential=".Length;
        return authorization[start..authorization.IndexOf('/', start)];
    }

    private static async Task WaitUntil(Func<bool> condition, NeuronCwProcess run)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline || run.HasExited)
            {
                throw new TimeoutException("no requests signed with the new key:\n" + string.Join('\n', run.StderrLines));
            }

            await Task.Delay(50);
        }
    }
}
