using Microsoft.AspNetCore.Builder;
using TradeGrid.Api.Security;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// The server process's entry point: <c>new-api-key</c> prints a key and its configuration entry; anything else starts
/// the server, or says why it will not (exit code 2) when the configuration is unsafe or unusable.
/// </summary>
public static class ServerMain
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == NewApiKeyCommand.Name)
        {
            return NewApiKeyCommand.Run(args[1..], Console.Out, Console.Error);
        }
        WebApplication app;
        try
        {
            app = TradeGridHost.Build(args);
        }
        catch (StartupRefusedException ex)
        {
            await Console.Error.WriteLineAsync($"TradeGrid will not start: {ex.Message}");
            return 2;
        }
        await app.RunAsync();
        return Environment.ExitCode;
    }
}
