using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench.BareServer;

/// <summary>GetSeries from a dictionary: no validation, no grain call, no catalogue; everything else is Unimplemented.</summary>
internal sealed class BareDataGrpcService(SeriesStore store) : DataService.DataServiceBase
{
    public override Task<GetSeriesResponse> GetSeries(GetSeriesRequest request, ServerCallContext context)
    {
        if (store.TryGet(request.Economy, request.Indicator, out GetSeriesResponse? response) && response is not null)
        {
            return Task.FromResult(response);
        }
        throw new RpcException(new Status(StatusCode.NotFound, $"no stored series {request.Economy}/{request.Indicator}"));
    }
}
