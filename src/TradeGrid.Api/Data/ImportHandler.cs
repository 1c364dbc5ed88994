using System.IO.Pipelines;
using Grpc.Core;
using Microsoft.Extensions.Options;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.V1;
using TradeGrid.Api.Writes;
using TradeGrid.Data.Csv;
using TradeGrid.Domain;
using TradeGrid.Grains.Cluster;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Data;

/// <summary>
/// The Import RPC: chunks are parsed as they arrive (a pipe between the call and the parser), so the file is never
/// held whole as bytes; nothing is written until every row has passed, so one bad row imports nothing.
/// </summary>
public sealed class ImportHandler(DatasetWriter writer, CatalogCache catalog, IOptions<ImportLimits> limits, ClusterSettings cluster)
{
    /// <summary>A file name appears in every error message about the file: a name, not a path or a payload.</summary>
    public const int MaxFileNameChars = 255;

    public async Task<ImportResponse> ImportAsync(IAsyncStreamReader<ImportRequest> requests, CancellationToken cancellationToken)
    {
        if (!await requests.MoveNext(cancellationToken) || requests.Current.PartCase != ImportRequest.PartOneofCase.Header)
        {
            throw new InvalidSpecException("header: the first message of an import must be an ImportHeader (format, create_economies, source, file_name)");
        }
        ImportHeader header = requests.Current.Header;
        ImportLimits limit = limits.Value;
        string fileName = string.IsNullOrWhiteSpace(header.FileName) ? "upload" : header.FileName.Trim();
        if (fileName.Length > MaxFileNameChars)
        {
            throw new InvalidSpecException($"header.file_name: {fileName.Length} characters, over {MaxFileNameChars}; send the file's name, not its path or content");
        }
        if (header.Source.Length > limit.MaxCellChars)
        {
            throw new ResourceLimitException($"header.source: {header.Source.Length} characters, over the server's limit of {limit.MaxCellChars} (TradeGrid:Import:MaxCellChars); give a short citation");
        }
        var options = new ImportOptions
        {
            FileName = fileName,
            DefaultSource = string.IsNullOrWhiteSpace(header.Source) ? $"import of {fileName}" : header.Source.Trim(),
            DefaultProvenance = header.DefaultProvenance == Provenance.Unspecified ? TradeGrid.Data.Model.Provenance.Reported : (TradeGrid.Data.Model.Provenance)header.DefaultProvenance,
            MaxRows = limit.MaxRows,
            MaxLineChars = limit.MaxLineChars,
            MaxCellChars = limit.MaxCellChars,
        };
        if (!Enum.IsDefined(header.DefaultProvenance))
        {
            throw new InvalidSpecException($"header.default_provenance: {(int)header.DefaultProvenance} is not a provenance; use one of {string.Join(", ", CommonReflection.Descriptor.EnumTypes.Single(e => e.Name == nameof(Provenance)).Values.Select(v => v.Name))}");
        }
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
            DurabilityNote = cluster.Resolve() == Backend.Memory ? ClusterSettings.MemoryOnlyNote : string.Empty,
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
