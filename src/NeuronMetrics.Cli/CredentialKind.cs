using Amazon.Runtime;

namespace NeuronMetrics.Cli;

/// <summary>Which link of the credential chain answered, for the startup line: a kind, never a key.</summary>
internal static class CredentialKind
{
    public static string Describe(AWSCredentials credentials, string? profile)
    {
        string type = credentials.GetType().Name;
        return type switch
        {
            _ when type.Contains("Environment", StringComparison.Ordinal) => "environment variables",
            _ when type.Contains("WebIdentity", StringComparison.Ordinal) => "web identity token",
            _ when type.Contains("ECS", StringComparison.OrdinalIgnoreCase) || type.Contains("Container", StringComparison.Ordinal) => "container credentials endpoint (ECS task role)",
            _ when type.Contains("InstanceProfile", StringComparison.Ordinal) => "EC2 instance role (IMDS)",
            _ when type.Contains("SSO", StringComparison.Ordinal) => $"SSO profile '{profile ?? "default"}'",
            _ when type.Contains("AssumeRole", StringComparison.Ordinal) => $"assume-role profile '{profile ?? "default"}'",
            _ when type.Contains("Process", StringComparison.Ordinal) => $"credential_process of profile '{profile ?? "default"}'",
            _ => $"shared credentials profile '{profile ?? Environment.GetEnvironmentVariable("AWS_PROFILE") ?? "default"}' ({type})",
        };
    }
}
