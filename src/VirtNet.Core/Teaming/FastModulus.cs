using System.Runtime.CompilerServices;

namespace VirtNet.Teaming
{
    /// <summary>
    /// x mod n for 32-bit x without a division instruction, for the per-flow hash loops: Lemire, Kaser and Kurz,
    /// "Faster Remainder by Direct Computation" (2019), fastmod_u32 with a 64-bit multiplier. The 64x64 high product
    /// is assembled from 32-bit halves because netstandard2.0 has no Math.BigMul for ulong.
    /// </summary>
    internal readonly struct FastModulus
    {
        readonly ulong _multiplier;
        readonly ulong _divisor;

        public FastModulus(int divisor)
        {
            _divisor = (ulong)divisor;
            // ceil(2^64 / n); wraps to 0 for n = 1, which then correctly yields 0.
            _multiplier = ulong.MaxValue / (ulong)divisor + 1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Of(uint x)
        {
            ulong low = _multiplier * x;
            return (uint)(((low >> 32) * _divisor + (((low & 0xFFFFFFFFUL) * _divisor) >> 32)) >> 32);
        }
    }
}
