using System.Runtime.InteropServices;
using LogReg.Core.Data;

namespace LogReg.Benchmarks;

/// <summary>
/// LIBLINEAR's L2-regularised logistic regression (<c>-s 0</c>, primal trust-region Newton, C = 1, bias feature 1)
/// called in process through P/Invoke on a copy of a training set in its own sparse format, so it is timed in the
/// same BenchmarkDotNet run as this library (Debian's <c>liblinear4</c>: <c>apt-get install liblinear4</c>).
/// LIBLINEAR penalises the bias like a weight, so its optimum is not exactly ours; see <c>benchmarks/peers</c>
/// for the objective it reaches.
/// </summary>
internal sealed unsafe class LiblinearProblem : IDisposable
{
    private const string Library = "liblinear.so.4";
    private const int L2RegularisedLogisticRegression = 0;

    private readonly FeatureNode* _nodes;
    private readonly FeatureNode** _rows;
    private readonly double* _labels;
    private Problem _problem;

    public LiblinearProblem(TrainingSet set)
    {
        int n = set.RowCount, d = set.FeatureCount;
        _nodes = (FeatureNode*)NativeMemory.Alloc((nuint)((long)n * (d + 2)), (nuint)sizeof(FeatureNode));
        _rows = (FeatureNode**)NativeMemory.Alloc((nuint)n, (nuint)sizeof(FeatureNode*));
        _labels = (double*)NativeMemory.Alloc((nuint)n, sizeof(double));
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            set.Features.CopyRow(i, row);
            var r = _nodes + (long)i * (d + 2);
            int k = 0;
            for (int j = 0; j < d; j++)
            {
                if (row[j] != 0)
                {
                    r[k++] = new FeatureNode { Index = j + 1, Value = row[j] };
                }
            }
            r[k++] = new FeatureNode { Index = d + 1, Value = 1.0 };
            r[k] = new FeatureNode { Index = -1 };
            _rows[i] = r;
            _labels[i] = set.Labels[i] == 1.0 ? 1 : -1;
        }
        _problem = new Problem { L = n, N = d + 1, Y = _labels, X = _rows, Bias = 1.0 };
        SetPrintStringFunction(&Quiet);
    }

    /// <summary>One fit at stopping tolerance <paramref name="eps"/>; returns the bias weight (so the call is not dead code).</summary>
    public double Train(double eps)
    {
        var parameter = new Parameter { SolverType = L2RegularisedLogisticRegression, Eps = eps, C = 1.0, P = 0.1 };
        fixed (Problem* problem = &_problem)
        {
            var model = TrainNative(problem, &parameter);
            double bias = model->W[_problem.N - 1];
            FreeAndDestroyModel(&model);
            return bias;
        }
    }

    public void Dispose()
    {
        NativeMemory.Free(_nodes);
        NativeMemory.Free(_rows);
        NativeMemory.Free(_labels);
    }

    [UnmanagedCallersOnly]
    private static void Quiet(sbyte* message)
    {
    }

    [DllImport(Library, EntryPoint = "train")]
    private static extern Model* TrainNative(Problem* problem, Parameter* parameter);

    [DllImport(Library, EntryPoint = "free_and_destroy_model")]
    private static extern void FreeAndDestroyModel(Model** model);

    [DllImport(Library, EntryPoint = "set_print_string_function")]
    private static extern void SetPrintStringFunction(delegate* unmanaged<sbyte*, void> print);

    [StructLayout(LayoutKind.Sequential)]
    private struct FeatureNode
    {
        public int Index;
        public double Value;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Problem
    {
        public int L;
        public int N;
        public double* Y;
        public FeatureNode** X;
        public double Bias;
    }

    // linear.h of LIBLINEAR 2.3.0 (Debian bookworm's liblinear4).
    [StructLayout(LayoutKind.Sequential)]
    private struct Parameter
    {
        public int SolverType;
        public double Eps;
        public double C;
        public int NrWeight;
        public int* WeightLabel;
        public double* Weight;
        public double P;
        public double* InitSol;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Model
    {
        public Parameter Param;
        public int NrClass;
        public int NrFeature;
        public double* W;
        public int* Label;
        public double Bias;
    }
}
