using System.Text.Json;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Dashboards;

/// <summary>The options of <c>dashboard</c> and <c>alarms</c>: the run's variables apply to them, and bad values fail before anything is made.</summary>
public sealed class DashboardOptionsTests
{
    [Fact]
    public async Task Dashboard_RunOptionsFromVariables_AppliedLikeFlags()
    {
        var result = await NeuronCwProcess.RunAsync(["dashboard"], "", new Dictionary<string, string?>
        {
            ["NEURON_CW_REGION"] = "eu-west-1",
            ["NEURON_CW_NAMESPACE"] = "Team/Neuron",
            ["NEURON_CW_INSTANCE_AVERAGE"] = "true",
            ["NEURON_CW_DIMENSIONS"] = "InstanceId,InstanceType",
        });

        result.ExitCode.Should().Be(0, result.ToString());
        var references = MetricReference.FromDashboardBody(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("DashboardBody").GetString()!);
        references.Should().Contain(MetricReference.Of("Team/Neuron", "NeuronCoreUtilizationAverage", ["InstanceId", "InstanceType"]));
        result.Stdout.Should().Contain("\\\"region\\\":\\\"eu-west-1\\\"");
    }

    [Fact]
    public async Task Alarms_InstanceAverageFromVariable_IdleAlarmMade()
    {
        var result = await NeuronCwProcess.RunAsync(["alarms", "--instance-id", "i-0abc"], "", new Dictionary<string, string?> { ["NEURON_CW_INSTANCE_AVERAGE"] = "yes" });

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdoutLines.Should().HaveCount(2);
        result.StdoutLines[0].Should().Contain("\"AlarmName\":\"neuron-cw/i-0abc/idle\"");
    }

    [Theory]
    [InlineData(new[] { "dashboard", "--name", "my dashboard" }, "--name: 'my dashboard' may hold only letters, digits, '-' and '_'")]
    [InlineData(new[] { "dashboard", "--input", "x", "--instance-type", "inf1.xlarge" }, "dashboard: give either --input FILE or --instance-type TYPE, not both")]
    [InlineData(new[] { "alarms", "--idle-below", "0" }, "--idle-below: must be above 0 and at most 100")]
    [InlineData(new[] { "alarms", "--idle-for", "8d" }, "--idle-for")]
    [InlineData(new[] { "alarms", "--alarm-action", "sns-topic" }, "--alarm-action: 'sns-topic' is not an ARN")]
    public async Task Subcommand_BadValue_Exit2WithOneLineNamingIt(string[] arguments, string message)
    {
        var result = await NeuronCwProcess.RunAsync(arguments, "");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain(message);
    }
}
