using System.Reflection;

namespace TradeGrid.Api.Tests.Support;

/// <summary>Runs the client's own entry point (client/Program.cs) in this process, as `dotnet run --project client -- ARGS` would.</summary>
public static class ClientRunner
{
    public static async Task<int> RunAsync(params string[] args)
    {
        MethodInfo main = Assembly.Load("tradegrid").EntryPoint
            ?? throw new InvalidOperationException("the client assembly has no entry point");
        object? result = main.Invoke(null, [args]);
        return result is Task<int> task ? await task : (int)(result ?? 0);
    }
}
