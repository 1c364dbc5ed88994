using System.IO.Pipelines;
using Grpc.Core;
using Microsoft.Extensions.Options;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.V1;
using TradeGrid.Api.Writes;
using TradeGrid.Data.Csv;
using TradeGrid.Domain;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Data;

/// <summary>
/// The Import RPC: chunks are parsed as they arrive (a pipe between the call and the parser), so the file is never
/// held whole as bytes; nothing is written until every row has passed, so one bad row imports nothing.
/// </summary>
public sealed class ImportHandler(DatasetWriter writer, CatalogCache catalog, IOptions<ImportLimits> limits)
{
    public async Task<ImportResponse> ImportAsync(IAsyncStreamReader<ImportRequest> requests, CancellationToken cancellationToken)
    {
        if (!await requests.MoveNext(cancellationToken) || requests.Current.PartCase != ImportRequest.PartOneofCase.Header)
        {
            throw new InvalidSpecException("header: the first message of an import must be an ImportHeader (format, create_economies, source, file_name)");
        }
        ImportHeader header = requests.Current.Header;
        var options = new ImportOptions
        {
            FileName = string.IsNullOrWhiteSpace(header.FileName) ? "upload" : header.FileName.Trim(),
            DefaultSource = string.IsNullOrWhiteSpace(header.Source) ? $"import of {(string.IsNullOrWhiteSpace(header.FileName) ? "upload" : header.FileName.Trim())}" : header.Source.Trim(),
            DefaultProvenance = header.DefaultProvenance == Provenance.Unspecified ? TradeGrid.Data.Model.Provenance.Reported : (TradeGrid.Data.Model.Provenance)header.DefaultProvenance,
            MaxRows = limits.Value.MaxRows,
        };
        if (!Enum.IsDefined(header.Format))
        {
            throw new InvalidSpecException($"header.format: {(int)header.Format} is not an import format; use TIDY, WORLD_BANK_WIDE or leave it unspecified to detect");
        }

        var pipe = new Pipe();
        Task<ParsedImport> parsing = Task.Run(() => CsvImport.Read(pipe.Reader.AsStream(), (TradeGrid.Data.Csv.ImportFormat)(int)header.Format, options), CancellationToken.None);
        try
        {
            await PumpAsync(requests, pipe.Writer, limits.Value.MaxBytes, options.FileName, cancellationToken);
        }
        catch (Exception ex) when (ex is TradeGridException or OperationCanceledException or IOException or RpcException)
        {
            await pipe.Writer.CompleteAsync(ex);
            await Task.WhenAny(parsing);
            throw;
        }
        ParsedImport parsed = await parsing;

        ImportSummary summary = await writer.ImportAsync(parsed, header.CreateEconomies, cancellationToken);
        catalog.Invalidate();
        var response = new ImportResponse
        {
            RowsRead = summary.RowsRead,
            ObservationsWritten = summary.ObservationsWritten,
            EconomiesTouched = summary.Versions.Count,
            Write = WriteOutcomeMapping.Current(),
        };
        response.IndicatorsAdded.AddRange(summary.IndicatorsAdded);
        response.EconomiesCreated.AddRange(summary.EconomiesCreated);
        response.DataVersions.AddRange(summary.Versions.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new DataVersion { Economy = v.Key, Version = v.Value }));
        return response;
    }

    private static async Task PumpAsync(IAsyncStreamReader<ImportRequest> requests, PipeWriter writer, long maxBytes, string file, CancellationToken cancellationToken)
    {
        long bytes = 0;
        while (await requests.MoveNext(cancellationToken))
        {
            ImportRequest part = requests.Current;
            if (part.PartCase != ImportRequest.PartOneofCase.Chunk)
            {
                throw new InvalidSpecException("chunk: after the header, an import sends only chunks; send one header per call");
            }
            bytes += part.Chunk.Length;
            if (bytes > maxBytes)
            {
                throw new ResourceLimitException($"{file} is larger than the server's import limit of {maxBytes} bytes; split it, compress it with gzip, or raise TradeGrid:Import:MaxBytes");
            }
            FlushResult flushed = await writer.WriteAsync(part.Chunk.Memory, cancellationToken);
            if (flushed.IsCompleted)
            {
                // The parser stopped early (a bad row); its error is the answer.
                break;
            }
        }
        await writer.CompleteAsync();
    }
}
