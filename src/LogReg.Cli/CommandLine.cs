namespace LogReg.Cli;

/// <summary>Dispatches "logreg COMMAND --option value …"; every failure is one line on stderr and a non-zero exit.</summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: logreg <command> [options]\n" +
        "  train   --data FILE.csv --label COLUMN --model OUT.zip [COLUMNS] [FIT] [--normalize none|meanvar] [--statistics no|yes] [--json OUT.json]\n" +
        "  predict --model M.zip --data FILE.csv [--out FILE.csv] [--id COLUMN] [--intervals no|yes   (needs train --statistics yes)]\n" +
        "  stats   --data FILE.csv --label COLUMN [COLUMNS] [FIT] [--covariance nonrobust|hc0|hc1|hc3|cluster:COLUMN]\n" +
        "          [--drop COL[,COL]   (likelihood-ratio test against the model without them)] [--method mle|firth] [--ci wald|profile] [--json OUT.json]\n" +
        "          (FIT defaults: --l2 0 --tolerance 1e-10 --optimizer newton: the MLE; --missing skip)\n" +
        "  compare [--data FILE.csv --label COLUMN [COLUMNS]] [--folds 5] [--seed N] [--json OUT.json]   (no --data: the bundled breast-cancer set)\n" +
        "  worker  --cluster localhost|redis=HOST:PORT [--instance N] [--port N] [--gateway N] [--advertise IP]   (an Orleans silo for shards)\n" +
        "  train   --cluster localhost|redis=HOST:PORT --shards 'DIR/part-*.csv' --label COLUMN --model OUT.zip [FIT]   (over the workers)\n" +
        "  FIT:    [--loss bce|mse] [--optimizer auto|gd|sgd|newton|lbfgs] [--l2 X] [--l1 X] [--max-iterations N] [--tolerance X]\n" +
        "          [--threads N] [--seed N] [--class-weight none|balanced|NEG:POS]   (train's defaults: --l2 1 --tolerance 1e-7)\n" +
        "  COLUMNS: [--categorical COL,…] [--text COL,…] [--ignore COL,…] [--id COL] [--weight COL] [--positive VALUE]\n" +
        "          [--missing error|skip|mean] [--reference COL=LEVEL,…] [--dry-run   (print the schema, fit nothing)]\n" +
        "  Roles not given are inferred and printed: all-number columns are numeric, strings with ≤ 20 distinct values categorical\n" +
        "  (treatment coding, coefficients COL[LEVEL]), strings that all differ are IDs (left out); other strings need a role.\n" +
        "  A two-valued label may be any two values: --positive VALUE picks the positive class (else 1/true/yes, else the second sorted).\n" +
        "  A label with more than two distinct values: train fits the softmax model, predict writes Probability_CLASS columns\n" +
        "  and the class name, stats gives the multinomial logit (reference = first class), compare the multiclass trainers.";

    /// <summary>Where progress lines go (stderr when it is a terminal; nothing otherwise).</summary>
    public static TextWriter? ProgressWriter { get; set; } = Console.IsErrorRedirected ? null : Console.Error;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "train" when rest.Contains("--cluster") => ClusterTraining.Run(rest, output),
                "train" => TrainCommand.Run(rest, output),
                "worker" => WorkerCommand.Run(rest, output),
                "predict" => PredictCommand.Run(rest, output, error),
                "stats" => StatsCommand.Run(rest, output),
                "compare" => CompareCommand.Run(rest, output),
                _ => throw new CliException($"unknown command '{args[0]}'; expected train, predict, stats, compare or worker (logreg --help).", 2),
            };
        }
        catch (CliException e)
        {
            error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never a stack trace: one line that says this is the tool's fault, not the input's.
            error.WriteLine($"error: internal error ({e.GetType().Name}): {e.Message} — please report it with the command line.");
            return 70;
        }
    }

    /// <summary>Refuses when two path options name the same file (e.g. --model overwriting --data).</summary>
    public static void RefuseSamePath(string command, params (string Option, string? Path)[] paths)
    {
        var given = paths.Where(p => p.Path is not null).Select(p => (p.Option, Full: System.IO.Path.GetFullPath(p.Path!))).ToArray();
        for (int a = 0; a < given.Length; a++)
        {
            for (int b = a + 1; b < given.Length; b++)
            {
                if (string.Equals(given[a].Full, given[b].Full, StringComparison.Ordinal))
                {
                    throw new CliException($"{command}: {given[a].Option} and {given[b].Option} name the same file '{given[a].Full}'; writing one would destroy the other.", 2);
                }
            }
        }
    }
}
