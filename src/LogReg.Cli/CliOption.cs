using System.CommandLine;

namespace LogReg.Cli;

/// <summary>An option as every command shows it: its name, value name and help line, and whether it is a flag.</summary>
internal abstract record CliOption(string Name, string ValueName, string Help)
{
    /// <summary>How the error for an option given without its value begins (reported before the words it left over).</summary>
    public const string MissingValue = "no value given for";

    /// <summary>A flag takes no value (given or not).</summary>
    public virtual bool IsFlag => false;

    /// <summary>A new System.CommandLine option for one command (its parser gives the typed value or a one-line error).</summary>
    public abstract Option Create();

    /// <summary>The typed value the parse gave, when the option was given.</summary>
    public abstract object? ValueIn(ParseResult result, Option option);
}

/// <summary>
/// A typed option: <paramref name="Parse"/> turns its text into a <typeparamref name="T"/> (or throws a <see cref="CliException"/>
/// whose message System.CommandLine reports as a usage error); <paramref name="Default"/> is its value when not given.
/// </summary>
internal sealed record CliOption<T>(string Name, string ValueName, string Help, Func<string, T> Parse, T Default) : CliOption(Name, ValueName, Help)
{
    // The token is kept as text and parsed here (System.CommandLine gives bool and list options arities of their own).
    public override Option Create()
    {
        var option = new Option<string>(Name) { Description = Help, HelpName = ValueName };
        option.Validators.Add(result =>
        {
            string? text = result.GetValueOrDefault<string>();
            // "--data --label y": the parser hands the next option's name over as the value.
            if (text is not null && text.StartsWith("--", StringComparison.Ordinal) && text.Length > 2 && char.IsLetter(text[2]))
            {
                result.AddError($"{MissingValue} '{Name}' (it was followed by the option '{text}').");
                return;
            }
            try
            {
                Parse(text!);
            }
            catch (CliException e)
            {
                result.AddError(e.Message);
            }
        });
        return option;
    }

    public override object? ValueIn(ParseResult result, Option option) => Parse(result.GetValue((Option<string>)option)!);
}

/// <summary>A flag: true when given.</summary>
internal sealed record CliFlag(string Name, string Help) : CliOption(Name, "", Help)
{
    public override bool IsFlag => true;

    public override Option Create() => new Option<bool>(Name) { Description = Help };

    public override object? ValueIn(ParseResult result, Option option) => result.GetValue((Option<bool>)option);
}
