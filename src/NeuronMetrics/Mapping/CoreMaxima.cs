namespace NeuronMetrics.Mapping;

/// <summary>
/// The largest value per core index within one report, and their mean: the instance average of
/// per-core utilization when several runtimes list the same cores. Reused from report to report
/// without allocating (indexes have at most <see cref="Reports.IndexNames.MaxDigits"/> digits).
/// </summary>
internal sealed class CoreMaxima
{
    private double[] _maxima = new double[64];
    private bool[] _seen = new bool[64];
    private int[] _cores = new int[64];
    private int _count;

    public void Add(int core, double value)
    {
        if (core < 0)
        {
            return;
        }

        if (core >= _seen.Length)
        {
            int size = Math.Max(core + 1, _seen.Length * 2);
            Array.Resize(ref _maxima, size);
            Array.Resize(ref _seen, size);
        }

        if (!_seen[core])
        {
            _seen[core] = true;
            _maxima[core] = value;
            if (_count == _cores.Length)
            {
                Array.Resize(ref _cores, _count * 2);
            }

            _cores[_count++] = core;
        }
        else if (value > _maxima[core])
        {
            _maxima[core] = value;
        }
    }

    /// <summary>The mean of the per-core maxima since the last call (false when no core was added), and starts over.</summary>
    public bool TryTakeMean(out double mean)
    {
        double sum = 0;
        for (int i = 0; i < _count; i++)
        {
            sum += _maxima[_cores[i]];
            _seen[_cores[i]] = false;
        }

        mean = _count > 0 ? sum / _count : 0;
        bool any = _count > 0;
        _count = 0;
        return any;
    }
}
