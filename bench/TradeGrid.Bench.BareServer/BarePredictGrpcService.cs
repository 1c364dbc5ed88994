using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench.BareServer;

/// <summary>Predict answering one stored response (what TradeGrid answered): no fit, no grain call, only the wire and protobuf.</summary>
internal sealed class BarePredictGrpcService(PredictResponse stored) : ExtrapolationService.ExtrapolationServiceBase
{
    public override Task<PredictResponse> Predict(PredictRequest request, ServerCallContext context) => Task.FromResult(stored);
}
