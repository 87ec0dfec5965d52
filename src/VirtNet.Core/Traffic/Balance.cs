namespace VirtNet.Traffic
{
    /// <summary>How evenly a load is spread over uplinks.</summary>
    internal static class Balance
    {
        /// <summary>
        /// Jain's fairness index, (sum x)^2 / (n * sum x^2): 1 when every one of the n uplinks carries the same, 1/n
        /// when one carries everything, 0 when nothing is carried.
        /// </summary>
        public static double JainIndex(double sum, double sumSquares, int n) => sumSquares == 0 ? 0 : sum * sum / (n * sumSquares);
    }
}
