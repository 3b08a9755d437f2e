using BenchmarkDotNet.Running;

namespace Jeugdhulp.Bench;

/// <summary>All benchmarks of the solution; pick with <c>--filter '*Ijw*'</c> (one folder per area).</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
