using NeuronMetrics.CloudWatch;

namespace NeuronMetrics.Cli.Dashboards;

/// <summary>Places widgets left to right on the dashboard's 24-column grid, starting a row when one does not fit.</summary>
internal sealed class WidgetGrid
{
    private int _x;
    private int _y;
    private int _rowHeight;

    public int Count { get; private set; }

    /// <summary>The position of the next widget of this size.</summary>
    public (int X, int Y) Place(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, DashboardLimits.GridWidth);
        if (_x + width > DashboardLimits.GridWidth)
        {
            NewRow();
        }

        var position = (_x, _y);
        _x += width;
        _rowHeight = Math.Max(_rowHeight, height);
        Count++;
        return Count <= DashboardLimits.MaxWidgets
            ? position
            : throw new InvalidOperationException($"more than {DashboardLimits.MaxWidgets} widgets");
    }

    /// <summary>Starts a new row (for a section title).</summary>
    public void NewRow()
    {
        if (_x == 0)
        {
            return;
        }

        _y += _rowHeight;
        _x = 0;
        _rowHeight = 0;
    }
}
