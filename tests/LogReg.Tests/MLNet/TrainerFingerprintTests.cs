using LogReg.Core.Training;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Microsoft.ML;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// The ML.NET trainers' fits — read from a view, in memory and streamed under a memory budget, binary and softmax —
/// compared with the models they gave when recorded (<see cref="FitFingerprints"/>).
/// </summary>
public class TrainerFingerprintTests
{
    private static readonly Dictionary<string, Func<(IReadOnlyList<double> Parameters, int Iterations, double Objective)>> Fits = new()
    {
        ["mlnet binary Auto"] = () => Binary(new LogRegOptions { NumberOfThreads = 2 }),
        ["mlnet binary Lbfgs streamed"] = () => Binary(new LogRegOptions { NumberOfThreads = 2, Optimizer = OptimizerKind.Lbfgs, MemoryBudgetMegabytes = 0 }),
        ["mlnet binary L1 L2 statistics"] = () => Binary(new LogRegOptions { NumberOfThreads = 2, L1Regularization = 1, ShowTrainingStatistics = true }),
        ["mlnet softmax Auto"] = () => Softmax(new LogRegMulticlassOptions { NumberOfThreads = 2 }),
        ["mlnet softmax Lbfgs"] = () => Softmax(new LogRegMulticlassOptions { NumberOfThreads = 2, Optimizer = OptimizerKind.Lbfgs }),
    };

    public static TheoryData<string> Names => new(Fits.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void TheTrainerGivesTheRecordedModel(string name)
    {
        var (parameters, iterations, objective) = Fits[name]();
        FitFingerprints.Check(name, parameters, iterations, objective);
    }

    private static (IReadOnlyList<double>, int, double) Binary(LogRegOptions options)
    {
        var ml = new MLContext(1);
        var details = ml.BinaryClassification.Trainers.LogReg(options).Fit(TestData.BreastCancer(ml)).Model.LogRegDetails()!;
        return (details.Weights.Append(details.Bias).ToArray(), details.Report.Optimization.Iterations, details.Report.Optimization.Objective);
    }

    private static (IReadOnlyList<double>, int, double) Softmax(LogRegMulticlassOptions options)
    {
        var ml = new MLContext(1);
        var details = ml.MulticlassClassification.Trainers.LogReg(options).Fit(TestData.Iris(ml)).Model.LogRegDetails()!;
        return (details.Model.Weights.Concat(details.Model.Biases).ToArray(), details.Report.Optimization.Iterations, details.Report.Optimization.Objective);
    }
}
