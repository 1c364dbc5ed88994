using System.Text;
using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>Renders docs/errors.md from the catalogue, so the page and the tests cannot drift apart.</summary>
public static class ErrorsDoc
{
    /// <summary>RPCs with nothing a caller can get wrong: every request is a valid question.</summary>
    private static readonly string[] NothingToRefuse = ["DataService.ListGroups", "DataService.ListIndicators", "EstimateService.ListFits", "ScenarioService.ListScenarios"];

    public static IEnumerable<string> AllRpcs() =>
        new[] { DataServiceReflection.Descriptor, DescribeServiceReflection.Descriptor, EstimateServiceReflection.Descriptor, ExtrapolationServiceReflection.Descriptor, ForecastServiceReflection.Descriptor, ScenarioServiceReflection.Descriptor }
            .SelectMany(f => f.Services).SelectMany(s => s.Methods).Select(m => $"{m.Service.Name}.{m.Name}");

    public static bool TakesNothing(string rpc) => NothingToRefuse.Contains(rpc);

    public static string Render(IReadOnlyList<BadInput> cases)
    {
        var doc = new StringBuilder();
        doc.Append("""
            # Errors: what TradeGrid refuses and what it says

            Every request is checked before anything runs; a refused request changes nothing (no data version, indicator
            or fit moves). The message names the field (`spec.regressors[1].indicator`, `from`) or the file's line and
            column, and says what to send instead; it quotes at most 80 characters of what was sent (longer input is cut
            and its length given), with control characters escaped. No message names a .NET type.

            | gRPC status | HTTP (JSON port) | when |
            |---|---|---|
            | INVALID_ARGUMENT | 400 | a malformed field, file or request: unknown JSON field, enum value not in the list, wrong JSON type, unparseable protobuf |
            | NOT_FOUND | 404 | an unknown economy, indicator, group or fit |
            | FAILED_PRECONDITION | 400 | the data cannot answer: collinear regressors, log of values ≤ 0, too few observations |
            | RESOURCE_EXHAUSTED | 413 (429 when busy) | over a configured limit; the message names the limit and its setting |
            | DEADLINE_EXCEEDED | 504 | the caller's deadline passed first; nothing was changed unless the response said so |

            ## Limits

            Each is a setting of `silo/appsettings.json`, or on the command line as `--TradeGrid:Section:Name=value`.

            | setting | default | what it bounds |
            |---|---|---|
            | `TradeGrid:Limits:MaxJsonBodyBytes` | 4194304 (4 MiB) | a JSON request body on the HTTP port (Import is gRPC and streams: see below) |
            | `TradeGrid:Limits:MaxPanelCells` | 5000000 | GetPanel's economies × years × indicators (an open range counts from 1800 or to 2200) |
            | `TradeGrid:Limits:MaxConcurrentJobs` | 4 | ForecastAll, EstimateWorld and scenario jobs running at once; one more is refused, not queued |
            | `TradeGrid:Limits:MaxScenarioPaths` | 100000 | Monte Carlo paths of one scenario |
            | `TradeGrid:Import:MaxBytes` | 1073741824 (1 GiB) | an import, as sent (compressed if gzip) |
            | `TradeGrid:Import:MaxRows` | 20000000 | an import's data rows (values, for World Bank files) |
            | `TradeGrid:Import:MaxLineChars` | 65536 | one line (record) of an imported CSV |
            | `TradeGrid:Import:MaxCellChars` | 1024 | one field of an imported CSV (a source citation, an indicator name) |
            | gRPC `MaxReceiveMessageSize` | 16 MiB | one gRPC message |

            Strictness: a JSON body may use a field's JSON name (`fixedEffects`) or proto name (`fixed_effects`); any other
            name is refused, with the closest field suggested. An enum takes its full name (`FIXED_EFFECTS_KIND_TWO_WAY`)
            or its number; anything else is refused with the list. Query parameters are checked the same way. Binary
            protobuf follows protobuf's own rule for fields it does not know (they are skipped, so older servers can talk
            to newer clients); a message that is not protobuf at all is INVALID_ARGUMENT.
            An imported row whose partner equals its economy is a domestic flow (structural gravity data carry them) and
            is accepted.

            ## The catalogue

            Generated from `tests/TradeGrid.Api.Tests/Errors/Catalogue/` (each row is a test, sent through gRPC and, where
            the rpc has a JSON route, through JSON; `TRADEGRID_WRITE_DOCS=1 dotnet test --filter Docs_errors_md` rewrites
            this page). "The message says" lists words the message must contain.

            """);
        foreach (IGrouping<string, BadInput> group in cases.GroupBy(c => c.Category))
        {
            doc.Append("\n### ").Append(char.ToUpperInvariant(group.Key[0])).Append(group.Key[1..]).Append("\n\n");
            doc.Append("| case | rpc | what is sent | status | HTTP | the message says |\n|---|---|---|---|---|---|\n");
            foreach (BadInput c in group)
            {
                string http = c.Transport == Transport.GrpcOnly ? "–" : ((int)BadInputCatalogueTests.HttpStatus(c)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                string says = c.Code == StatusCode.DeadlineExceeded ? "(the client's own deadline message)" : $"{Cell(c.Field)} … {Cell(c.Fix)}";
                doc.Append($"| `{c.Id}` | {c.Rpc}{(c.Transport == Transport.JsonOnly ? " (JSON)" : string.Empty)} | {Cell(c.Input)} | {Status(c.Code)} | {http} | {says} |\n");
            }
        }
        return doc.ToString();
    }

    private static string Status(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        _ => code.ToString(),
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
