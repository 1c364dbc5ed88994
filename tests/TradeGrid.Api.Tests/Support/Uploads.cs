using System.Text;
using Google.Protobuf;
using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Support;

/// <summary>Sends a file to the Import RPC the way the client does: a header, then chunks.</summary>
public static class Uploads
{
    public static Task<ImportResponse> ImportAsync(this DataService.DataServiceClient client, string csv, bool createEconomies = false, int chunkBytes = 64) =>
        client.ImportAsync(Encoding.UTF8.GetBytes(csv), new ImportHeader { FileName = "test.csv", CreateEconomies = createEconomies, Source = "test" }, chunkBytes);

    public static async Task<ImportResponse> ImportAsync(this DataService.DataServiceClient client, byte[] content, ImportHeader header, int chunkBytes = 64 * 1024)
    {
        using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = client.Import();
        await call.RequestStream.WriteAsync(new ImportRequest { Header = header });
        try
        {
            for (int offset = 0; offset < content.Length; offset += chunkBytes)
            {
                int n = Math.Min(chunkBytes, content.Length - offset);
                await call.RequestStream.WriteAsync(new ImportRequest { Chunk = ByteString.CopyFrom(content, offset, n) });
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server answered before the upload ended (a refusal); the response carries its status.
        }
        catch (InvalidOperationException)
        {
            // Same: the call completed while chunks were still being written.
        }
        return await call.ResponseAsync;
    }
}
