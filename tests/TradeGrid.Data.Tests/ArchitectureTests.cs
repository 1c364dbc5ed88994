using System.Reflection;
using TradeGrid.Data.Model;

namespace TradeGrid.Data.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Data_references_neither_numerics_nor_orleans_nor_grpc_nor_aspnet()
    {
        Assembly data = typeof(EconomyCode).Assembly;

        string[] forbidden = data.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(n => n == "TradeGrid.Numerics" || n.StartsWith("Orleans", StringComparison.Ordinal)
                || n.StartsWith("Grpc", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || n.StartsWith("Google.Protobuf", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(forbidden);
        Assert.Contains(data.GetReferencedAssemblies(), a => a.Name == "TradeGrid.Domain");
    }
}
