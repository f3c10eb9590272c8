namespace NeuronMetrics.CloudWatch;

/// <summary>The PutDashboard and dashboard body limits the <c>dashboard</c> command keeps to.</summary>
public static class DashboardLimits
{
    /// <summary>Longest dashboard name (PutDashboard DashboardName).</summary>
    public const int MaxNameLength = 255;

    /// <summary>The characters a dashboard name may hold: A-Z, a-z, 0-9, '-' and '_'.</summary>
    public const string NameCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>Most widgets in one dashboard body.</summary>
    public const int MaxWidgets = 500;

    /// <summary>Width of the dashboard grid, in columns (a widget's x + width stays within it).</summary>
    public const int GridWidth = 24;

    /// <summary>Longest metric math or SEARCH expression (MetricDataQuery Expression, also in alarms).</summary>
    public const int MaxExpressionLength = 2048;

    /// <summary>Most time series one SEARCH expression returns; a larger fleet shows only the first ones.</summary>
    public const int MaxSearchResults = 500;
}
