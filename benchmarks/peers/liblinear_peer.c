/* LIBLINEAR's L2-regularised logistic regression (-s 0, primal trust-region Newton) timed in process on
 * a CSV written by `LogReg.Benchmarks --export-peers`: features..., label (0/1), no header.
 *   liblinear_peer FILE [EPS [REPEATS]]
 * Prints the median and the fastest wall time of train() over REPEATS calls (data already in memory, as
 * a warm fit), and the objective of its solution both as LIBLINEAR defines it (bias feature 1, penalised
 * like a weight) and as LogReg defines it (bias not penalised): F = Σ ln(1 + e^(−y·z)) + ½‖w‖², C = 1. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linear.h>

static void quiet(const char *s) { (void)s; }

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: %s FILE [EPS [REPEATS]]\n", argv[0]); return 2; }
    double eps = argc > 2 ? atof(argv[2]) : 0.01;
    int repeats = argc > 3 ? atoi(argv[3]) : 1000;
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 1; }
    int rows = 0, cols = 0, cap = 1 << 16;
    char *line = malloc(cap);
    double *values = NULL, *labels = NULL;
    size_t stored = 0, allocated = 0;
    while (fgets(line, cap, f))
    {
        int count = 0;
        for (char *p = strtok(line, ",\n"); p; p = strtok(NULL, ",\n"))
        {
            if (stored == allocated) { allocated = allocated ? 2 * allocated : 1 << 16; values = realloc(values, allocated * sizeof *values); }
            values[stored++] = atof(p);
            count++;
        }
        if (count == 0) continue;
        if (cols == 0) cols = count;
        if (count != cols) { fprintf(stderr, "row %d has %d cells, expected %d\n", rows + 1, count, cols); return 1; }
        rows++;
    }
    fclose(f);
    int d = cols - 1;
    labels = malloc(rows * sizeof *labels);
    struct feature_node *nodes = malloc((size_t)rows * (d + 2) * sizeof *nodes);
    struct feature_node **x = malloc(rows * sizeof *x);
    for (int i = 0; i < rows; i++)
    {
        struct feature_node *r = nodes + (size_t)i * (d + 2);
        int k = 0;
        for (int j = 0; j < d; j++)
        {
            double v = values[(size_t)i * cols + j];
            if (v != 0) { r[k].index = j + 1; r[k].value = v; k++; }
        }
        r[k].index = d + 1; r[k].value = 1.0; k++; /* the bias feature */
        r[k].index = -1;
        x[i] = r;
        labels[i] = values[(size_t)i * cols + d] > 0.5 ? 1 : -1;
    }
    struct problem prob = { rows, d + 1, labels, x, 1.0 };
    struct parameter param = { L2R_LR, eps, 1.0, 0, NULL, NULL, 0.1, NULL };
    set_print_string_function(quiet);
    const char *error = check_parameter(&prob, &param);
    if (error) { fprintf(stderr, "%s\n", error); return 1; }
    double *times = malloc(repeats * sizeof *times);
    struct model *m = NULL;
    for (int r = 0; r < repeats; r++)
    {
        if (m) free_and_destroy_model(&m);
        double t0 = now_ms();
        m = train(&prob, &param);
        times[r] = now_ms() - t0;
    }
    qsort(times, repeats, sizeof *times, compare);
    /* LIBLINEAR's labels: the first training label is its class 0; decision values are for that class. */
    double sign = m->label[0] == 1 ? 1 : -1;
    double ll = 0, ww = 0, b = sign * m->w[d];
    for (int j = 0; j < d; j++) ww += m->w[j] * m->w[j];
    for (int i = 0; i < rows; i++)
    {
        double z = b;
        for (int j = 0; j < d; j++) z += sign * m->w[j] * values[(size_t)i * cols + j];
        double yz = labels[i] * z;
        ll += yz > 0 ? log1p(exp(-yz)) : -yz + log1p(exp(yz));
    }
    printf("liblinear %d -s 0 C=1 eps=%g: %d rows x %d features, median %.4f ms, fastest %.4f ms over %d fits; "
           "F(liblinear, bias penalised) = %.12g, F(LogReg's objective at liblinear's solution) = %.12g\n",
           LIBLINEAR_VERSION, eps, rows, d, times[repeats / 2], times[0], repeats, ll + 0.5 * (ww + b * b), ll + 0.5 * ww);
    free_and_destroy_model(&m);
    return 0;
}
