using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using Spectre.Console;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

internal static class ImportCommand
{
    private const int ChunkBytes = 256 * 1024;

    public static Command Create()
    {
        Argument<FileInfo> file = new("file") { Description = "A tidy CSV (economy,indicator,year,value[,partner][,flag][,source]) or a World Bank bulk CSV; .gz is fine" };
        Option<bool> create = new("--create-economies") { Description = "Create economy codes the server does not know (otherwise they are refused)" };
        Option<string> source = new("--source") { Description = "Source recorded on rows that name none" };
        Option<string> format = new("--format") { Description = "tidy, worldbank or auto", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong("tidy", "worldbank", "auto");
        Command command = new("import", "Upload a CSV file; all or nothing") { file, create, source, format };
        command.SetAction(async (parse, ct) =>
        {
            FileInfo path = parse.GetRequiredValue(file);
            if (Directory.Exists(path.FullName))
            {
                Console.Error.WriteLine($"error: {path.FullName} is a directory; import takes one file (import each, e.g. for f in DIR/*.csv; do tradegrid import \"$f\"; done)");
                return 2;
            }
            if (!path.Exists)
            {
                Console.Error.WriteLine($"error: {path.FullName} does not exist");
                return 2;
            }
            var client = new DataService.DataServiceClient(GlobalOptions.Channel(parse));
            var header = new ImportHeader
            {
                FileName = path.Name,
                CreateEconomies = parse.GetValue(create),
                Source = parse.GetValue(source) ?? string.Empty,
                Format = parse.GetValue(format) switch { "tidy" => ImportFormat.Tidy, "worldbank" => ImportFormat.WorldBankWide, _ => ImportFormat.Unspecified },
            };
            ImportResponse response = await UploadAsync(client, header, path, ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["rows read", "observations written", "economies touched", "indicators added", "economies created"],
                [[ResultWriter.Number(response.RowsRead), ResultWriter.Number(response.ObservationsWritten), ResultWriter.Number(response.EconomiesTouched),
                  string.Join(" ", response.IndicatorsAdded), string.Join(" ", response.EconomiesCreated)]],
                $"imported {path.Name}: write {response.Write.WriteId} committed (sequence {response.Write.Sequence})");
            if (response.DurabilityNote.Length > 0)
            {
                Console.Error.WriteLine($"note: {response.DurabilityNote}");
            }
            return 0;
        });
        return command;
    }

    private static async Task<ImportResponse> UploadAsync(DataService.DataServiceClient client, ImportHeader header, FileInfo path, CancellationToken ct)
    {
        using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = client.Import(cancellationToken: ct);
        bool interactive = !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        async Task Send(Action<double> progress)
        {
            try
            {
                await call.RequestStream.WriteAsync(new ImportRequest { Header = header }, ct);
                await using FileStream stream = path.OpenRead();
                byte[] buffer = new byte[ChunkBytes];
                int read;
                while ((read = await stream.ReadAsync(buffer, ct)) > 0)
                {
                    await call.RequestStream.WriteAsync(new ImportRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, ct);
                    progress((double)stream.Position / Math.Max(1, stream.Length));
                }
                await call.RequestStream.CompleteAsync();
            }
            catch (Exception ex) when (ex is RpcException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                // The server answered before the upload ended (a bad row, a refused caller): a write to the finished
                // call fails, with whatever status the transport gives it; the server's own answer is in the response.
            }
        }
        if (interactive)
        {
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                ProgressTask bar = ctx.AddTask($"Uploading {Markup.Escape(path.Name)}", maxValue: 1.0);
                await Send(f => bar.Value = f);
            });
        }
        else
        {
            await Send(_ => { });
        }
        return await call.ResponseAsync;
    }
}
