using System.CommandLine;
using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

/// <summary>How a write ended, by its id: for a call cut off before its answer (the id is in its headers and trailers).</summary>
internal static class WriteCommand
{
    public static Command Create()
    {
        Argument<string> writeId = new("write-id") { Description = "The write's id (tradegrid-write-id), as import and stored calls print it" };
        Command command = new("write", "Show how a write ended: committed, preparing, aborted or unknown") { writeId };
        command.SetAction(async (parse, ct) =>
        {
            var client = new WriteService.WriteServiceClient(GlobalOptions.Channel(parse));
            GetWriteResponse response = await client.GetWriteAsync(new GetWriteRequest { WriteId = parse.GetValue(writeId) ?? string.Empty }, cancellationToken: ct);
            string state = response.State switch
            {
                WriteState.Committed => "committed",
                WriteState.Preparing => "preparing",
                WriteState.Aborted => "aborted",
                _ => "unknown",
            };
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["write", "state", "sequence"],
                [[response.Write.WriteId, state, response.Write.Sequence.ToString(CultureInfo.InvariantCulture)]]);
            return 0;
        });
        return command;
    }
}
