using System.CommandLine;
using System.Globalization;

namespace LogReg.Cli;

/// <summary>
/// The options given to one command, as System.CommandLine parsed them (it checks names, duplicates and
/// missing values); this class reads their values with the tool's own checks and error wording.
/// </summary>
internal sealed class Arguments
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly IReadOnlySet<string> _flags;
    private readonly string _command;

    public Arguments(string command, IReadOnlyDictionary<string, string> values, IReadOnlySet<string>? flags = null)
    {
        _command = command;
        _values = values;
        _flags = flags ?? new HashSet<string>();
    }

    /// <summary>The options of <paramref name="result"/> that were given.</summary>
    public static Arguments From(string command, ParseResult result, IEnumerable<Option<string>> options, IEnumerable<Option<bool>> flags)
    {
        var values = options.Where(o => result.GetResult(o) is not null).ToDictionary(o => o.Name, o => result.GetValue(o)!, StringComparer.Ordinal);
        var given = flags.Where(f => result.GetValue(f)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return new Arguments(command, values, given);
    }

    /// <summary>Refuses any option given that is not in <paramref name="allowed"/>, saying in what mode.</summary>
    public void OnlyThese(IReadOnlyCollection<string> allowed, string mode)
    {
        var other = _values.Keys.Concat(_flags).FirstOrDefault(o => !allowed.Contains(o));
        if (other is not null)
        {
            throw new CliException($"{_command}: option '{other}' is not offered {mode}; there: {string.Join(", ", allowed)}.", 2);
        }
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw new CliException($"{_command}: option '{name}' is required.", 2);

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    public string? Optional(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public double? Double(string name, double min = double.NegativeInfinity)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v < min)
        {
            throw new CliException($"{_command}: option '{name}' is '{text}'; expected a finite number ≥ {min.ToString(CultureInfo.InvariantCulture)}.", 2);
        }
        return v;
    }

    public int? Int(string name, int min = int.MinValue)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < min)
        {
            throw new CliException($"{_command}: option '{name}' is '{text}'; expected a whole number ≥ {min}.", 2);
        }
        return v;
    }

    public T Choice<T>(string name, IReadOnlyDictionary<string, T> choices, T fallback)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return choices.TryGetValue(text.ToLowerInvariant(), out var v)
            ? v
            : throw new CliException($"{_command}: option '{name}' is '{text}'; expected one of {string.Join(", ", choices.Keys)}.", 2);
    }
}
