using LogReg.Core.Data;
using LogReg.Core.Losses;

namespace LogReg.Core.Statistics;

/// <summary>The Bernoulli log-likelihood of fitted margins and of the intercept-only model, with the row counts the statistics need.</summary>
internal sealed record LikelihoodSummary(double Observations, double LogLikelihood, double NullLogLikelihood, int UsedRows, int ExtremeRows)
{
    public static LikelihoodSummary Of(TrainingSet data, double[] margins, double extremeMargin)
    {
        var bce = new BinaryCrossEntropyLoss();
        double n = 0, positives = 0, logLikelihood = 0;
        int used = 0, extreme = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            double s = data.WeightOf(i);
            if (s == 0)
            {
                continue;
            }
            used++;
            n += s;
            positives += s * data.Labels[i];
            logLikelihood -= s * bce.Value(data.Labels[i], margins[i]);
            extreme += Math.Abs(margins[i]) > extremeMargin ? 1 : 0;
        }
        double pBar = positives / n;
        double nullLogLikelihood = positives * Math.Log(pBar) + (n - positives) * Math.Log(1 - pBar);
        return new LikelihoodSummary(n, logLikelihood, nullLogLikelihood, used, extreme);
    }
}
