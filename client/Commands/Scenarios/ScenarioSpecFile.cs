using System.Text.Json;
using Google.Protobuf;
using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>
/// Reads a scenario spec from a JSON file in protobuf's JSON mapping: either the spec itself or the body that
/// POST /v1/scenarios takes (<c>{"spec": {...}}</c>), so the same file serves curl and the client. Unknown fields
/// are refused, naming the field, as the server refuses them.
/// </summary>
internal static class ScenarioSpecFile
{
    private static readonly JsonParser Strict = new(JsonParser.Settings.Default);

    public static ScenarioSpec Read(string path)
    {
        string json = File.ReadAllText(path);
        bool body;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            body = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("spec", out _);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{path}: not valid JSON: {ex.Message}", ex);
        }

        try
        {
            return body ? Strict.Parse<StartScenarioRequest>(json).Spec ?? new ScenarioSpec() : Strict.Parse<ScenarioSpec>(json);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ArgumentException($"{path}: not a {(body ? "POST /v1/scenarios body" : "ScenarioSpec")} in protobuf's JSON mapping: {ex.Message}", ex);
        }
    }
}
