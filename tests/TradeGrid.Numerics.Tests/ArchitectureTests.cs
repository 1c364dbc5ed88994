using System.Reflection;
using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Numerics_references_neither_orleans_nor_grpc_nor_aspnet()
    {
        Assembly numerics = typeof(Ols).Assembly;

        string[] forbidden = numerics.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(n => n.StartsWith("Orleans", StringComparison.Ordinal) || n.StartsWith("Grpc", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Google.Protobuf", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(forbidden);
        Assert.Contains(numerics.GetReferencedAssemblies(), a => a.Name == "MathNet.Numerics" || a.Name == "System.Runtime");
    }

    [Fact]
    public void Domain_references_the_runtime_only()
    {
        Assembly domain = typeof(TradeGridException).Assembly;

        string[] references = domain.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib")
            .ToArray();

        Assert.Empty(references);
    }
}
