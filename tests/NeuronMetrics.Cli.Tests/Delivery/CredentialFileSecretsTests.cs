using System.Text.Json;
using NeuronMetrics.Cli.Tests.Operations;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>
/// A malformed shared credentials or config file holding a secret: AWSSDK's parse error quotes the line. Whatever
/// path that text takes (credential probe, endpoint resolution on every batch, the unexpected-failure line), the
/// secret appears in no output, at any log level, in either log format.
/// </summary>
public sealed class CredentialFileSecretsTests : IDisposable
{
    private const string Secret = "wJalrPLANTEDsecretKEY/7MDENG+bPxRfiCYzz9";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEPLANTEDtokenVALUEabc/def+ghi";

    private readonly string _work = OpsInputs.TempDirectory();

    public static TheoryData<string, string, string> Runs()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var scenario in new[] { "file-only", "environment-credentials", "profile-flag", "config-file" })
        {
            foreach (var level in new[] { "debug", "info" })
            {
                foreach (var format in new[] { "text", "json" })
                {
                    data.Add(scenario, level, format);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Run_MalformedSharedFileWithSecret_SecretInNoOutput(string scenario, string level, string format)
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        string malformed = Path.Combine(_work, "malformed");
        await File.WriteAllTextAsync(malformed, $"[default]\naws_access_key_id = AKIAPLANTEDKEYID0001\naws_secret_access_key {Secret}\naws_session_token={SessionToken}\nregion = us-east-1\n");
        var environment = new Dictionary<string, string?>
        {
            [scenario == "config-file" ? "AWS_CONFIG_FILE" : "AWS_SHARED_CREDENTIALS_FILE"] = malformed,
            ["AWS_ENDPOINT_URL_CLOUDWATCH"] = server.Url.ToString(),
        };
        if (scenario == "environment-credentials")
        {
            // Credentials are fine; the region is looked up in the broken file at startup.
            environment["AWS_ACCESS_KEY_ID"] = "AKIDENVIRONMENTKEY01";
            environment["AWS_SECRET_ACCESS_KEY"] = "environment-secret-value";
        }
        else
        {
            // The region is given, so the credential chain is what reads the broken file.
            environment["AWS_REGION"] = "us-east-1";
        }

        List<string> arguments = ["--log-level", level, "--log-format", format, "--shutdown-timeout", "5s"];
        if (scenario == "profile-flag")
        {
            arguments.AddRange(["--profile", "default"]);
        }

        var run = await NeuronCwProcess.RunAsync(arguments, OpsInputs.ReportsForInstances(2), environment, TimeSpan.FromSeconds(60));

        if (scenario == "environment-credentials")
        {
            run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
            Messages(run, format).Should().ContainSingle().Which.Should().Contain("the region of profile 'default' cannot be read: ").And.Contain(malformed);
        }
        else
        {
            run.ExitCode.Should().Be(ExitCodes.NoCredentials, run.ToString());
        }

        run.StderrLines.Should().NotBeEmpty();
        foreach (string text in new[] { run.AllOutput }.Concat(Messages(run, format)))
        {
            foreach (string secret in new[] { Secret, SessionToken })
            {
                text.Should().NotContain(secret).And.NotContain(secret[..16]).And.NotContain(secret[^16..], run.ToString());
            }
        }
    }

    /// <summary>The messages as written, JSON escapes decoded ("+" is written as \u002B in JSON).</summary>
    private static IEnumerable<string> Messages(NeuronCwResult run, string format) => format == "json"
        ? run.StderrLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()!)
        : run.StderrLines;

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
