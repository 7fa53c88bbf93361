using System.CommandLine;

namespace LogReg.Cli;

/// <summary>
/// The options given to one command, as System.CommandLine parsed them into their types (it checks names, duplicates,
/// missing values and each option's own parser, <see cref="CliOptions"/>); what is left here is which were given and
/// what a command requires.
/// </summary>
internal sealed class Arguments
{
    private readonly IReadOnlyDictionary<string, object?> _given;
    private readonly string _command;

    public Arguments(string command, IReadOnlyDictionary<string, object?> given)
    {
        _command = command;
        _given = given;
    }

    /// <summary>The options of <paramref name="result"/> that were given (flags: only when set).</summary>
    public static Arguments From(string command, ParseResult result, IEnumerable<(CliOption Spec, Option Option)> options)
    {
        var given = options.Where(o => result.GetResult(o.Option) is not null)
            .Select(o => (o.Spec, Value: o.Spec.ValueIn(result, o.Option)))
            .Where(o => !o.Spec.IsFlag || o.Value is true)
            .ToDictionary(o => o.Spec.Name, o => o.Value, StringComparer.Ordinal);
        return new Arguments(command, given);
    }

    /// <summary>Refuses any option given that is not in <paramref name="allowed"/>, saying in what mode.</summary>
    public void OnlyThese(IReadOnlyCollection<CliOption> allowed, string mode)
    {
        var other = _given.Keys.FirstOrDefault(o => allowed.All(a => a.Name != o));
        if (other is not null)
        {
            throw new CliException($"{_command}: option '{other}' is not offered {mode}; there: {string.Join(", ", allowed.Select(a => a.Name))}.", 2);
        }
    }

    /// <summary>True when the option (or flag) was given.</summary>
    public bool Given(CliOption option) => _given.ContainsKey(option.Name);

    /// <summary>The option's value, or its default when not given.</summary>
    public T Get<T>(CliOption<T> option) => _given.TryGetValue(option.Name, out var value) ? (T)value! : option.Default;

    /// <summary>Refuses the command when any of <paramref name="options"/> (nulls skipped) is missing, naming every one missing.</summary>
    public void RequireAll(params CliOption<string?>?[] options)
    {
        var missing = options.OfType<CliOption<string?>>().Where(o => Get(o) is null).Select(o => $"'{o.Name}'").ToArray();
        if (missing.Length > 1)
        {
            throw new CliException($"{_command}: options {string.Join(", ", missing[..^1])} and {missing[^1]} are required.", 2);
        }
        if (missing.Length == 1)
        {
            throw new CliException($"{_command}: option {missing[0]} is required.", 2);
        }
    }

    /// <summary>The value of an option the command cannot do without.</summary>
    public string Required(CliOption<string?> option)
    {
        RequireAll(option);
        return Get(option)!;
    }
}
