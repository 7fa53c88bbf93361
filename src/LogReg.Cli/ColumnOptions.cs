namespace LogReg.Cli;

/// <summary>
/// The options that give CSV columns their roles and say how to read them: --label, --categorical,
/// --text, --ignore, --numeric, --id, --weight, --positive, --missing, --reference, and the file's format (--delimiter,
/// --decimal, --na). Shared by train, cv, stats and compare.
/// </summary>
internal sealed record ColumnOptions
{
    public required string Label { get; init; }

    public IReadOnlyList<string> Categorical { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Text { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Ignore { get; init; } = Array.Empty<string>();

    /// <summary>Columns used as numeric features whatever the rules would say (--numeric).</summary>
    public IReadOnlyList<string> Numeric { get; init; } = Array.Empty<string>();

    /// <summary>The delimiter (--delimiter), or null to detect it.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The decimal separator (--decimal), or null to detect it.</summary>
    public char? Decimal { get; init; }

    /// <summary>The missing-value tokens besides a blank cell (--na), or null for the default (NA).</summary>
    public IReadOnlyList<string>? MissingTokens { get; init; }

    public string? Id { get; init; }

    public string? Weight { get; init; }

    public string? Positive { get; init; }

    public MissingPolicy Missing { get; init; } = MissingPolicy.Mean;

    /// <summary>Reference level per categorical column (--reference COL=LEVEL,…); otherwise the first filled level in sorted order.</summary>
    public IReadOnlyDictionary<string, string> References { get; init; } = new Dictionary<string, string>();

    /// <summary>Columns a command takes for itself (e.g. stats' cluster column), with the option that names them.</summary>
    public IReadOnlyList<(string Column, string Option)> Consumed { get; init; } = Array.Empty<(string, string)>();

    /// <summary>The options given; --missing defaults to <paramref name="missing"/> (train and compare: mean; stats: skip, as R's glm and statsmodels).</summary>
    public static ColumnOptions Read(Arguments a, MissingPolicy missing = MissingPolicy.Mean, string? label = null) => new()
    {
        Label = label ?? a.Required(CliOptions.Label),
        Categorical = a.Get(CliOptions.Categorical),
        Text = a.Get(CliOptions.TextColumns),
        Ignore = a.Get(CliOptions.Ignore),
        Numeric = a.Get(CliOptions.NumericColumns),
        Delimiter = a.Get(CliOptions.Delimiter),
        Decimal = a.Get(CliOptions.Decimal),
        MissingTokens = a.Get(CliOptions.MissingTokens),
        Id = a.Get(CliOptions.Id),
        Weight = a.Get(CliOptions.Weight),
        Positive = a.Get(CliOptions.Positive),
        Missing = a.Get(CliOptions.Missing) ?? missing,
        References = ReadReferences(a.Get(CliOptions.Reference)),
    };

    // COL=LEVEL[,COL=LEVEL]; a level may hold commas ("City=Austin, TX"): a piece without '=' continues the previous level.
    private static Dictionary<string, string> ReadReferences(string? text)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text is null)
        {
            return references;
        }
        string? column = null;
        foreach (var piece in text.Split(','))
        {
            int equals = piece.IndexOf('=');
            if (equals > 0)
            {
                column = piece[..equals].Trim();
                if (!references.TryAdd(column, piece[(equals + 1)..]))
                {
                    throw new CliException($"option '--reference' names column '{column}' twice.", 2);
                }
            }
            else if (column is not null)
            {
                references[column] += "," + piece;
            }
            else
            {
                throw new CliException($"option '--reference' is '{text}'; expected COLUMN=LEVEL[,COLUMN=LEVEL] (e.g. Plan=Basic).", 2);
            }
        }
        return references;
    }

    /// <summary>The file's format: the options given, the rest detected from <paramref name="path"/>.</summary>
    public CsvFormat FormatOf(string path) => CsvFormat.Detect(path, Delimiter, Decimal, MissingTokens);

    /// <summary>The columns whose text the roles need: the label, the ID, categorical and text columns, and those a command consumes.</summary>
    public IReadOnlySet<string> TextColumns() =>
        new HashSet<string>([Label, .. Id is null ? [] : new[] { Id }, .. Categorical, .. Text, .. Consumed.Select(c => c.Column)], StringComparer.Ordinal);
}
