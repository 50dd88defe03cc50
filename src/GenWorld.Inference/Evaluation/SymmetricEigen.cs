namespace GenWorld.Inference.Evaluation;

/// <summary>Eigen-decomposition of small symmetric matrices by cyclic Jacobi rotations (exact enough for 129 × 129 covariances).</summary>
public static class SymmetricEigen
{
    /// <summary>Eigenvalues and eigenvectors (columns of V) of symmetric <paramref name="matrix"/>.</summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;
        for (int sweep = 0; sweep < 60; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            if (off < 1e-22) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300) continue;
                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
        }
        return ([.. Enumerable.Range(0, n).Select(i => a[i, i])], v);
    }

    /// <summary>Eigenvalues only.</summary>
    public static double[] Values(double[,] matrix) => Decompose(matrix).Values;

    /// <summary>f(M) = V f(Λ) Vᵀ for symmetric M (e.g. its square root).</summary>
    public static double[,] Function(double[,] matrix, Func<double, double> f)
    {
        var (values, vectors) = Decompose(matrix);
        int n = values.Length;
        var result = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++) sum += vectors[i, k] * f(Math.Max(0, values[k])) * vectors[j, k];
                result[i, j] = sum;
            }
        return result;
    }

    /// <summary>Matrix product.</summary>
    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), m = b.GetLength(1), inner = a.GetLength(1);
        var result = new double[n, m];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < inner; k++)
            {
                double aik = a[i, k];
                for (int j = 0; j < m; j++) result[i, j] += aik * b[k, j];
            }
        return result;
    }
}
