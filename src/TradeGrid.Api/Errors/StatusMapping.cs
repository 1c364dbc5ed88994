using Grpc.Core;
using TradeGrid.Domain;

namespace TradeGrid.Api.Errors;

/// <summary>Which gRPC status each domain error gets.</summary>
public static class StatusMapping
{
    public static StatusCode For(TradeGridException exception) => exception switch
    {
        InvalidSpecException or TradeGrid.Data.Csv.CsvFormatException => StatusCode.InvalidArgument,
        UnknownEconomyException or UnknownIndicatorException or FitNotFoundException or JobNotFoundException => StatusCode.NotFound,
        SingularDesignException or InsufficientDataException or NoConvergenceException => StatusCode.FailedPrecondition,
        ResourceLimitException => StatusCode.ResourceExhausted,
        Grains.Abstractions.Writes.WriteAbortedException or Grains.Abstractions.Estimation.SweepSessionLostException => StatusCode.Aborted,
        _ => StatusCode.Internal,
    };

    public static RpcException ToRpcException(TradeGridException exception) =>
        new(new Status(For(exception), exception.Message));
}
