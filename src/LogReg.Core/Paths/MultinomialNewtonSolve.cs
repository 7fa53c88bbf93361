namespace LogReg.Core.Paths;

/// <summary>
/// One λ of the multinomial path by Newton steps on every class at once (a proximal Newton method): the loss's full
/// quadratic model over all present classes' coefficients and intercepts — the Hessian's K² blocks
/// Σᵢ wᵢ(δₖₗpᵢₖ − pᵢₖpᵢₗ)·x̂ᵢx̂ᵢᵀ — minimised with the penalty exactly (<see cref="JointQuadraticModel"/>), the step
/// halved while the objective rises. Newton steps converge quadratically where the rounds over the classes converge
/// linearly (3 steps a λ on mlbench's Vehicle against 26 rounds); the K² blocks make a step cost about (K − 1)/2 rounds'
/// Grams, so this serves few classes over few columns (<see cref="Applies"/>) and the rounds the rest.
/// </summary>
internal static class MultinomialNewtonSolve
{
    private const int MaxHalvings = 50;

    // A step's Hessian is kept for the next while the objective fell by what its model promised to within this share: the
    // model was as good as a fresh one (the ~3 steps of a λ then form 1 Hessian, not 3; Vehicle's path 90 → 55 ms). A
    // one-sided test is not enough: a stale Hessian that overstates the curvature makes short steps that fall by twice
    // their promise, and converges at 0.98 a step (held across λ, Vehicle's lasso ran out of steps).
    private const double HoldShare = 0.25;


    // Variables (present classes × (columns + 1)) up to which the joint model is formed: its Hessian is this squared.
    private const int MaximumVariables = 256;

    // A step forms K(K − 1)/2 Grams (K(K + 1)/2 when this was measured) where a round forms K (fewer with held ones), and a
    // λ takes about 3 steps against 20–30 rounds: measured (harness, lasso paths at glmnet's defaults) 2.8–3.5× faster for K = 3–6 (mlbench Vehicle, Glass,
    // Satellite, waveform), 1.4× for Vowel (K = 11, 10 features), 1.5× slower on 5,000 × 30 × 10 classes.
    private const int MaximumClasses = 8;

    // Ridge keeps every variable in the model's support, so each active-set solve factors the whole Hessian: measured (an
    // outside tester's harness, ridge paths) 1.9× slower than the rounds at 240 variables (Sonar as 4 classes), level at
    // 228 (spam as 4 classes), 1.2× faster at 24 (MASS crabs).
    private const int MaximumRidgeVariables = 128;

    // Variables up to which the joint steps take over a λ the rounds cannot finish (a Hessian of 8 MB): at tiny penalties
    // the rounds crawl (DNA's 180 columns × 3 classes at λ = 0 — separated, as it turned out — ran > 300 s of rounds before
    // refusing; the joint steps reach their verdict or the minimum in about a second), or one class's curvature along a
    // column vanishes with the others' margins held while the joint model still has curvature there.
    private const int MaximumTakeoverVariables = 1024;

    /// <summary>Whether the joint Newton steps can finish a λ that the rounds over the classes gave up on.</summary>
    public static bool CanTakeOver(int classes, int columns) => classes * (columns + 1) <= MaximumTakeoverVariables;

    /// <summary>Whether the joint Newton steps serve <paramref name="classes"/> present classes over <paramref name="columns"/>
    /// columns at mixing <paramref name="alpha"/>.</summary>
    public static bool Applies(int classes, int columns, double alpha) =>
        classes <= MaximumClasses && classes * (columns + 1) <= (alpha > 0 ? MaximumVariables : MaximumRidgeVariables);

    /// <summary>
    /// Minimises the objective at λ over <paramref name="columns"/> (the others stay zero) from the current coefficients
    /// and intercepts (updated in place, and the margins with them); done when a whole step moves the margins less than
    /// <paramref name="threshold"/> as the softmax sees them (<see cref="VisibleMove"/>), or whose model promises less than
    /// <paramref name="tolerance"/> (the path's) of the objective.
    /// </summary>
    /// <exception cref="UnsettledLambdaException">No optimum within <paramref name="maxSteps"/> steps (rows nearly separated at this λ,
    /// or too few steps allowed).</exception>
    public static void Solve(PathProblem problem, SoftmaxMargins margins, int[] columns, double[][] beta, double[] intercepts, bool[] present,
        double lambda, double alpha, double threshold, double tolerance, int maxSteps)
    {
        var classes = Enumerable.Range(0, present.Length).Where(k => present[k]).ToArray();
        int m = columns.Length, stride = m + 1, size = classes.Length * stride, n = problem.RowCount;
        var model = margins.Work.JointModel(size, stride);
        var hessian = model.Hessian;
        var gradient = new double[size];
        var q = new double[size];
        var start = new double[size];
        var value = new double[size];
        var work = margins.Work;
        var (probabilities, complements, before) = (work.Probabilities(classes.Length), work.Complements(classes.Length), work.Before(classes.Length));
        var rowWeights = work.RowWeights;
        var weights = problem.NormalizedWeights;
        var shift = margins.Work.FeatureShift(problem.FeatureCount);
        double l1 = lambda * alpha, l2 = lambda * (1 - alpha);
        bool formHessian = true;
        double? carried = null;
        for (int step = 0; step < maxSteps; step++)
        {
            // The last step's objective stands while its margins do (its evaluation left the cache fresh at them).
            double objective = carried ?? MultinomialElasticNetPath.Objective(margins, beta, lambda, alpha);
            margins.Probabilities(classes, probabilities, complements);
            Gather(beta, intercepts, classes, columns, start);
            for (int c = 0; c < classes.Length; c++)
            {
                margins.Copy(classes[c], before[c]);
            }
            FormGradient(problem, margins, columns, classes, probabilities, complements, gradient, rowWeights);
            bool fresh = formHessian;
            if (fresh)
            {
                JointHessian.Form(problem, columns, probabilities, hessian, work);
            }
            Array.Copy(start, value, size);
            Array.Copy(gradient, q, size);
            model.Minimise(value, q, l1, l2, threshold);
            double predicted = PredictedDecrease(start, value, gradient, q, stride, l1, l2);
            // The step, halved while the objective rises (far from the optimum the quadratic model can overshoot); a rise
            // within rounding of the objective is none.
            double after, fraction = 1, tolerated = objective + CoordinateSteps.RoundingShare * Math.Abs(objective);
            for (int halving = 0; ; halving++)
            {
                Scatter(start, value, fraction, beta, intercepts, classes, columns);
                foreach (int k in classes)
                {
                    margins.Set(k, beta[k], intercepts[k], columns);
                }
                after = MultinomialElasticNetPath.Objective(margins, beta, lambda, alpha);
                if (after <= tolerated || halving == MaxHalvings)
                {
                    break;
                }
                fraction /= 2;
            }
            // The loss cannot see a move of one feature's K coefficients together, nor can one coordinate at a time make
            // it: the penalty's own minimiser along it.
            carried = after;
            if (PenaltyShift.ApplyToAll(beta, columns, alpha, shift))
            {
                carried = null;
                foreach (int k in classes)
                {
                    margins.Set(k, beta[k], intercepts[k], columns);
                }
            }
            // Solved after a whole step (a halved one says the model was not yet good) that moved the margins by nothing
            // measurable, or whose model promised a decrease below the tolerance of the objective: near separation the
            // margins' move can stall at rounding (the curvature there is ~1e-9) while the objective is as low as it gets;
            // on separated rows at λ = 0 each step still promises a steady share of what is left, and never stops. A
            // promise below rounding ends it whatever the step: there the objective's own rounding halves the steps.
            double moved = VisibleMove(margins, classes, before, weights);
            formHessian = !(fraction == 1 && Math.Abs(objective - after - predicted) <= HoldShare * predicted);
            // A held Hessian's promise counts only when the objective kept it: near separation the curvature vanishes as
            // the margins grow, and a held one overstates it — short steps promising too little, which would stop early.
            bool trusted = fresh || !formHessian;
            if (trusted && ((fraction == 1 && (moved < threshold || predicted <= tolerance * objective)) || predicted <= CoordinateSteps.RoundingShare * Math.Abs(objective)))
            {
                return;
            }
        }
        throw new UnsettledLambdaException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"At λ = {lambda:G6} the multinomial path's Newton steps did not settle in {maxSteps}."));
    }

    // What the quadratic model promised for the step from start to value: with q = g − H·Δ its negative gradient at the
    // end, −(−gᵀΔ + ½ΔᵀHΔ) = ½Δᵀ(g + q), less the penalty's rise.
    private static double PredictedDecrease(double[] start, double[] value, double[] gradient, double[] q, int stride, double l1, double l2)
    {
        double decrease = 0;
        for (int v = 0; v < start.Length; v++)
        {
            double delta = value[v] - start[v];
            decrease += 0.5 * delta * (gradient[v] + q[v]);
            if (v % stride != stride - 1)
            {
                decrease -= l1 * (Math.Abs(value[v]) - Math.Abs(start[v])) + l2 / 2 * (value[v] * value[v] - start[v] * start[v]);
            }
        }
        return decrease;
    }

    // The step's move of the margins as the softmax sees it — each row's change less its mean over the classes (a common
    // move changes no probability: the lasso's ties and the intercepts move along such lines freely) — at the largest
    // curvature a row can have (pq ≤ ¼): max over classes of Σᵢ wᵢ·(Δηᵢₖ − mean Δηᵢ)²/4. On separated rows the curvature
    // vanishes while the margins keep moving, and a test weighted by it would call that settled.
    private static double VisibleMove(SoftmaxMargins margins, int[] classes, double[][] before, ReadOnlySpan<double> weights)
    {
        int n = before[0].Length;
        var meanMove = margins.Work.MeanMove;
        Array.Clear(meanMove);
        for (int c = 0; c < classes.Length; c++)
        {
            var eta = margins.LinearPart(classes[c]);
            for (int i = 0; i < n; i++)
            {
                meanMove[i] += (eta[i] - before[c][i]) / classes.Length;
            }
        }
        double largest = 0;
        for (int c = 0; c < classes.Length; c++)
        {
            var eta = margins.LinearPart(classes[c]);
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double delta = eta[i] - before[c][i] - meanMove[i];
                sum += weights[i] * delta * delta;
            }
            largest = Math.Max(largest, sum / 4);
        }
        return largest;
    }

    // The loss's negative gradient: Σᵢ wᵢ·x̃ᵢ·(yᵢₖ − pᵢₖ) per class, the intercept's last; 1 − p as the margins give it
    // (on nearly certain rows the whole of the gradient, which the subtraction would round away).
    private static void FormGradient(PathProblem problem, SoftmaxMargins margins, int[] columns, int[] classes, double[][] probabilities,
        double[][] complements, double[] gradient, double[] residual)
    {
        var weights = problem.NormalizedWeights;
        var labels = margins.Labels;
        int stride = columns.Length + 1;
        for (int c = 0; c < classes.Length; c++)
        {
            var p = probabilities[c];
            for (int i = 0; i < residual.Length; i++)
            {
                residual[i] = weights[i] * (labels[i] == classes[c] ? complements[c][i] : -p[i]);
            }
            double sum = residual.Sum();
            for (int a = 0; a < columns.Length; a++)
            {
                gradient[c * stride + a] = problem.ColumnDot(columns[a], residual, sum);
            }
            gradient[c * stride + columns.Length] = sum;
        }
    }

    private static void Gather(double[][] beta, double[] intercepts, int[] classes, int[] columns, double[] into)
    {
        int at = 0;
        foreach (int k in classes)
        {
            foreach (int j in columns)
            {
                into[at++] = beta[k][j];
            }
            into[at++] = intercepts[k];
        }
    }

    // Coefficients and intercepts at start + fraction·(value − start).
    private static void Scatter(double[] start, double[] value, double fraction, double[][] beta, double[] intercepts, int[] classes, int[] columns)
    {
        int at = 0;
        foreach (int k in classes)
        {
            foreach (int j in columns)
            {
                beta[k][j] = fraction == 1 ? value[at] : start[at] + fraction * (value[at] - start[at]);
                at++;
            }
            intercepts[k] = fraction == 1 ? value[at] : start[at] + fraction * (value[at] - start[at]);
            at++;
        }
    }
}
