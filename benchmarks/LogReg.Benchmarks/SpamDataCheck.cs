using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Validators;

namespace LogReg.Benchmarks;

/// <summary>
/// Checks in the host, before any process is launched, that the spam CSV of <see cref="PathBenchmarks"/> exists, and
/// says in one line which script makes it. Not critical — BenchmarkDotNet would then skip every selected class, not
/// just this one — so the path benchmarks still fail in their GlobalSetup with the same message, and the rest run.
/// </summary>
public sealed class SpamDataCheck : IValidator
{
    public bool TreatsWarningsAsErrors => false;

    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        string path = SpamData.FilePath;
        if (!File.Exists(path))
        {
            yield return new ValidationError(false, SpamData.MissingMessage(path));
        }
    }

    /// <summary><see cref="WarmJobConfig"/> with this check (a class takes one Config attribute).</summary>
    public sealed class WithWarmJob : ManualConfig
    {
        public WithWarmJob()
        {
            Add(new WarmJobConfig());
            AddValidator(new SpamDataCheck());
        }
    }
}
