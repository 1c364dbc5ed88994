using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Hosting;

/// <summary>
/// Every command of the README's "Use it" section, run as written against a server of its own (the README's run
/// command in this process: default dataset, real gRPC and HTTP), in the README's order. Only the host and ports are
/// changed, and predict's FIT_ID becomes the id of the fit the command before it made.
/// </summary>
public sealed class ReadmeExamplesTests : IAsyncLifetime
{
    private readonly ServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Every_command_of_the_readme_use_it_section_succeeds()
    {
        IReadOnlyList<string> commands = ReadmeCommands.UseIt(File.ReadAllText(Path.Combine(RepoFiles.Root(), "README.md")));
        string scratch = Directory.CreateTempSubdirectory("tradegrid-readme-").FullName;
        var failures = new List<string>();

        foreach (string command in commands)
        {
            string? failure = await RunAsync(command, scratch);
            if (failure is not null)
            {
                failures.Add($"{command}\n    {failure}");
            }
        }

        Assert.True(failures.Count == 0, "README commands that failed:\n" + string.Join("\n", failures));
        Assert.True(commands.Count >= 10, $"the Use it section should hold the README's examples (curl and client lines); found {commands.Count}");
    }

    private async Task<string?> RunAsync(string command, string scratch)
    {
        IReadOnlyList<string> words = ReadmeCommands.Split(command);
        if (words[0] == "curl")
        {
            HttpResponseMessage response = await _server.Http.SendAsync(ReadmeCommands.ToHttp(words, _server.Http.BaseAddress!));
            return response.IsSuccessStatusCode
                ? null
                : $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
        }

        const string Client = "dotnet run --project client -- ";
        Assert.StartsWith(Client, command);
        string[] args = words.Skip(5).Select(w => ReadmeCommands.InScratch(w, scratch)).ToArray();
        if (args.Contains("FIT_ID"))
        {
            string id = (await new EstimateService.EstimateServiceClient(_server.Channel).ListFitsAsync(new ListFitsRequest())).Fits[^1].FitId;
            args = args.Select(a => a == "FIT_ID" ? id : a).ToArray();
        }
        int exit = await ClientRunner.RunAsync(["--server", _server.GrpcAddress, .. args]);
        return exit == 0 ? null : $"exit code {exit}";
    }
}
