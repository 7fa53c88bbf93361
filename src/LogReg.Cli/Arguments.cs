using System.Globalization;

namespace LogReg.Cli;

/// <summary>"--name value" pairs of one command, checked against the options the command knows.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly string _command;

    /// <param name="command">The command, for messages.</param>
    /// <param name="args">The arguments after the command.</param>
    /// <param name="known">Options that take a value.</param>
    /// <param name="flags">Options that take none (e.g. --dry-run).</param>
    public Arguments(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> known, IReadOnlyCollection<string>? flags = null)
    {
        _command = command;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length == 2)
            {
                throw new CliException($"{command}: unexpected argument '{name}'; options look like --name value.", 2);
            }
            if (flags?.Contains(name) == true)
            {
                if (!_flags.Add(name))
                {
                    throw new CliException($"{command}: option '{name}' is given twice.", 2);
                }
                continue;
            }
            if (!known.Contains(name))
            {
                throw new CliException($"{command}: unknown option '{name}'; known options: {string.Join(", ", known.Concat(flags ?? Array.Empty<string>()))}.", 2);
            }
            if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2 && !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                throw new CliException($"{command}: option '{name}' needs a value.", 2);
            }
            if (!_values.TryAdd(name, args[++i]))
            {
                throw new CliException($"{command}: option '{name}' is given twice.", 2);
            }
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
