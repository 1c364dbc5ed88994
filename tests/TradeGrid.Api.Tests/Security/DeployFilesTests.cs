using System.Text.Json;
using System.Text.RegularExpressions;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// The deploy files start a silo as written: the image's entry point (--host 0.0.0.0) with compose's silo.env, and with
/// a key entry as new-api-key --env-file writes it for Kubernetes; the Kubernetes example's placeholders are refused,
/// naming the setting. Nothing is started: a refusal comes while building the host.
/// </summary>
public sealed partial class DeployFilesTests
{
    [Fact]
    public void The_image_listens_on_every_interface()
    {
        Assert.Equal(["--host", "0.0.0.0"], ImageArguments());
    }

    [Fact]
    public async Task A_compose_silo_starts_with_silo_env_as_shipped()
    {
        Assert.Contains("- silo.env", File.ReadAllText(Path.Combine(RepoFiles.Root(), "deploy", "compose.yaml")));
        string[] settings = EnvFileSettings(File.ReadAllLines(Path.Combine(RepoFiles.Root(), "deploy", "silo.env")));

        Assert.Contains("--TradeGrid:Auth:AllowAnonymous=true", settings);
        await HostBuild.BuildsAsync([.. ImageArguments(), .. settings, .. HostBuild.Ports]);
    }

    [Fact]
    public async Task A_silo_starts_with_the_env_file_new_api_key_writes()
    {
        string file = Path.GetTempFileName();
        try
        {
            int exit = NewApiKeyCommand.Run(["--id", "ops", "--role", "admin", "--env-file", file], TextWriter.Null, TextWriter.Null);

            Assert.Equal(0, exit);
            string[] settings = EnvFileSettings(File.ReadAllLines(file));
            Assert.Equal(4, settings.Length);
            await HostBuild.BuildsAsync([.. ImageArguments(), .. settings, .. HostBuild.Ports]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_kubernetes_keys_example_is_refused_until_replaced()
    {
        string[] secret = File.ReadAllLines(Path.Combine(RepoFiles.Root(), "deploy", "k8s", "keys.example.yaml"));
        string[] settings = secret.Select(l => SecretEntry().Match(l)).Where(m => m.Success)
            .Select(m => $"--{m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal)}={m.Groups[2].Value}").ToArray();

        Assert.Equal(4, settings.Length);
        StartupRefusedException ex = Assert.Throws<StartupRefusedException>(() => TradeGridHost.Build([.. ImageArguments(), .. settings, .. HostBuild.Ports]));
        Assert.Contains("TradeGrid:Auth:ApiKeys:0: Salt and Hash must be base64", ex.Message);
        Assert.Contains("secretRef:\n                name: tradegrid-keys",
            File.ReadAllText(Path.Combine(RepoFiles.Root(), "deploy", "k8s", "silo-statefulset.yaml")).ReplaceLineEndings("\n"));
    }

    /// <summary>The arguments the Dockerfile's ENTRYPOINT gives after the silo's dll.</summary>
    private static string[] ImageArguments()
    {
        string line = File.ReadAllLines(Path.Combine(RepoFiles.Root(), "deploy", "Dockerfile")).Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        string[] entry = JsonSerializer.Deserialize<string[]>(line["ENTRYPOINT ".Length..])!;
        return entry.SkipWhile(a => a != "TradeGrid.Silo.dll").Skip(1).ToArray();
    }

    /// <summary>KEY=VALUE lines (comments and blank lines skipped) as command-line settings, __ read as :.</summary>
    private static string[] EnvFileSettings(IEnumerable<string> lines) =>
        lines.Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .Select(kv => $"--{kv[0].Replace("__", ":", StringComparison.Ordinal)}={kv[1]}")
            .ToArray();

    [GeneratedRegex(@"^\s+(TradeGrid__\w+):\s*(\S+)\s*$")]
    private static partial Regex SecretEntry();
}
