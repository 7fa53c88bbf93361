using System.CommandLine;

namespace LogReg.Cli;

/// <summary>
/// The commands on System.CommandLine (help, shell completion through its [suggest] directive, parse
/// errors); every failure is one line on stderr and a non-zero exit: 2 for usage, 1 for data, 70 for a
/// fault of the tool.
/// </summary>
internal static class CommandLine
{
    private const string Columns =
        " Roles not given are inferred and printed first: columns of numbers are numeric, string columns with at most 20 distinct values " +
        "categorical (treatment coding, coefficients COL[LEVEL]), strings that all differ are IDs (left out); other strings need --text, " +
        "--categorical or --ignore. A label may be any two values (or more: the softmax model).";

    // Required: the options the command cannot run without, and when (their help lines say so; Arguments.Required refuses).
    private sealed record CommandSpec(string Name, string Description, IReadOnlyList<CliOption> Options, Func<Arguments, TextWriter, TextWriter, int> Run,
        IReadOnlyDictionary<string, string>? Required = null);

    private const string Always = "required";
    private const string NotDryRun = "required, except with --dry-run";

    private static readonly CommandSpec[] Commands =
    {
        new("train", "Fit a model to a CSV file and save it with its featurisation (with --cluster: over 'logreg worker' processes, --shards instead of --data)." + Columns,
            [.. TrainCommand.Options.Union(ClusterTraining.Options), CliOptions.DryRun],
            (a, output, _) => a.Given(CliOptions.Cluster) ? ClusterTraining.Run(a, output) : TrainCommand.Run(a, output),
            new Dictionary<string, string>
            {
                ["--data"] = "required without --cluster", ["--shards"] = "required with --cluster", ["--label"] = Always, ["--model"] = NotDryRun,
            }),
        new("predict", "Score the rows of a CSV file (any column order; row count and order kept) with a model from 'logreg train'.",
            PredictCommand.Options, PredictCommand.Run, new Dictionary<string, string> { ["--model"] = Always, ["--data"] = Always }),
        new("stats", "Coefficient table, tests and intervals of the maximum-likelihood fit (defaults: --l2 0, --tolerance 1e-10, --optimizer newton, --missing skip; with --cluster: over 'logreg worker' processes' shards, from the summed Hessian)." + Columns,
            [.. StatsCommand.Options.Union(ClusterStatistics.Options), CliOptions.DryRun],
            (a, output, _) => a.Given(CliOptions.Cluster) ? ClusterStatistics.Run(a, output) : StatsCommand.Run(a, output),
            new Dictionary<string, string> { ["--data"] = "required without --cluster", ["--shards"] = "required with --cluster", ["--label"] = Always }),
        new("cv", "Choose the penalty by cross-validation over an elastic-net path (glmnet's scaling and defaults; cv.glmnet's curve and rules) and save the chosen model as 'train' does: the binary path for two-valued labels, the softmax path for more; --threads is how many folds run at once." + Columns,
            [.. CvCommand.Options, CliOptions.DryRun], (a, output, _) => CvCommand.Run(a, output),
            new Dictionary<string, string> { ["--data"] = Always, ["--label"] = Always, ["--model"] = NotDryRun }),
        new("compare", "Cross-validate this trainer against ML.NET's on the same folds (no --data: the bundled breast-cancer set).",
            [.. CompareCommand.Options, CliOptions.DryRun], (a, output, _) => CompareCommand.Run(a, output),
            new Dictionary<string, string> { ["--label"] = "required with --data" }),
        new("worker", "Run an Orleans silo that holds shards for 'logreg train --cluster', until Ctrl+C.",
            WorkerCommand.Options, (a, output, _) => WorkerCommand.Run(a, output)),
        new("cluster status", "List the cluster's live workers, their builds and the shard files each holds below its data root.",
            ClusterStatusCommand.Options, (a, output, _) => ClusterStatusCommand.Run(a, output)),
    };

    /// <summary>Where progress lines go (stderr when it is a terminal; nothing otherwise).</summary>
    public static TextWriter? ProgressWriter { get; set; } = Console.IsErrorRedirected ? null : Console.Error;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Root(output, error);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (args.Length == 0 || args is ["help"])
        {
            root.Parse("--help").Invoke(configuration);
            return args.Length == 0 ? 2 : 0;
        }
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // One line: the most specific error (an unknown word says more than "no command given").
            // An option left without its value comes first: the words it left over are reported as unrecognised.
            var first = result.Errors.FirstOrDefault(e => e.Message.StartsWith(CliOption.MissingValue, StringComparison.Ordinal))
                ?? result.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? result.Errors[0];
            string command = result.CommandResult.Command == root ? "logreg"
                : result.CommandResult.Parent is System.CommandLine.Parsing.CommandResult { Command: var parent } && parent != root ? $"{parent.Name} {result.CommandResult.Command.Name}"
                : result.CommandResult.Command.Name;
            error.WriteLine($"error: {command}: {first.Message} ('logreg {(command == "logreg" ? "" : command + " ")}--help' lists the options.)");
            return 2;
        }
        try
        {
            return result.Invoke(configuration);
        }
        catch (CliException e)
        {
            error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // One line: an ArgumentException's message carries the parameter's name (and an out-of-range value) on more.
            string message = e is ArgumentException { ParamName: { } name } argument
                ? argument.Message.Split('\n')[0].Replace($" (Parameter '{name}')", "").TrimEnd()
                : e.Message;
            error.WriteLine($"error: {message}");
            return 1;
        }
        catch (Exception e) when (OutOfMemoryIn(e) is not null)
        {
            // Under a heap limit (a container's) this ended with the runtime's "Out of memory." and an abort, or, thrown inside
            // ML.NET, as an internal error naming TargetInvocationException.
            error.WriteLine("error: out of memory: the data and the fit's work arrays need more memory than this process may use — " +
                "try --threads 1, fewer rows or columns, or more memory.");
            return 1;
        }
        catch (Exception e)
        {
            // Never a stack trace: one line that says this is the tool's fault, not the input's.
            error.WriteLine($"error: internal error ({e.GetType().Name}): {e.Message} — please report it with the command line.");
            return 70;
        }
    }

    /// <summary>The out-of-memory error <paramref name="e"/> is or wraps (reflection's and tasks' wrappers), or null.</summary>
    internal static OutOfMemoryException? OutOfMemoryIn(Exception e) => e switch
    {
        OutOfMemoryException oom => oom,
        AggregateException { InnerExceptions: var inner } => inner.Select(OutOfMemoryIn).FirstOrDefault(o => o is not null),
        { InnerException: { } inner } => OutOfMemoryIn(inner),
        _ => null,
    };

    private static RootCommand Root(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("logreg — logistic regression from first principles (LogReg.MLNet): train, predict, stats, compare, worker, cluster status.");
        foreach (var spec in Commands)
        {
            // "cluster status": a subcommand of a group command.
            Command parent = root;
            string name = spec.Name;
            if (name.Split(' ') is [var group, var sub])
            {
                parent = root.Subcommands.FirstOrDefault(c => c.Name == group) ?? AddGroup(root, group);
                name = sub;
            }
            var command = new Command(name, spec.Description);
            var options = spec.Options.Select(o => (Spec: o, Option: o.Create())).ToArray();
            foreach (var (_, option) in options)
            {
                if (spec.Required?.GetValueOrDefault(option.Name) is { } when)
                {
                    option.Description += $" ({when})";
                }
                command.Options.Add(option);
            }
            command.SetAction(result => spec.Run(Arguments.From(spec.Name, result, options), output, error));
            parent.Subcommands.Add(command);
        }
        return root;
    }

    private static Command AddGroup(RootCommand root, string name)
    {
        var group = new Command(name, $"'{name}' commands.");
        root.Subcommands.Add(group);
        return group;
    }

    /// <summary>Refuses when two path options name the same file or folder (e.g. --model overwriting --data, or --plot's folder).</summary>
    public static void RefuseSamePath(string command, params (string Option, string? Path)[] paths)
    {
        var given = paths.Where(p => p.Path is not null).Select(p => (p.Option, Full: System.IO.Path.GetFullPath(p.Path!))).ToArray();
        for (int a = 0; a < given.Length; a++)
        {
            for (int b = a + 1; b < given.Length; b++)
            {
                if (string.Equals(given[a].Full, given[b].Full, StringComparison.Ordinal))
                {
                    throw new CliException($"{command}: {given[a].Option} and {given[b].Option} name the same path '{given[a].Full}'; writing one would destroy the other.", 2);
                }
            }
        }
    }
}
