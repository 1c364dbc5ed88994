using Google.Protobuf;
using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>
/// Reads a scenario spec from a JSON file in protobuf's JSON mapping: either the spec itself or the body that
/// POST /v1/scenarios takes (<c>{"spec": {...}}</c>), so the same file serves curl and the client.
/// </summary>
internal static class ScenarioSpecFile
{
    private static readonly JsonParser Strict = new(JsonParser.Settings.Default);

    public static ScenarioSpec Read(string path)
    {
        string json = File.ReadAllText(path);
        try
        {
            return Strict.Parse<StartScenarioRequest>(json).Spec ?? new ScenarioSpec();
        }
        catch (InvalidProtocolBufferException)
        {
            // Not a request body: read it as the spec, and report that parser's error, which names the field.
        }

        try
        {
            return Strict.Parse<ScenarioSpec>(json);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ArgumentException($"{path}: not a scenario spec (protobuf JSON of ScenarioSpec, or {{\"spec\": ...}}): {ex.Message}", ex);
        }
        catch (InvalidJsonException ex)
        {
            throw new ArgumentException($"{path}: not valid JSON: {ex.Message}", ex);
        }
    }
}
