using System.Text;
using Grpc.Core;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>
/// Every bad input the server must refuse, one row each, grouped by feature in the partial files beside this one.
/// BadInputCatalogueTests sends each through gRPC and JSON; docs/errors.md is this list as a table.
/// </summary>
public static partial class BadInputCatalogue
{
    public static readonly IReadOnlyList<BadInput> Cases = [.. Requests(), .. Data(), .. Imports(), .. Describe(), .. Estimation(), .. Extrapolation(), .. Forecasting(), .. Scenarios()];

    public static BadInput Find(string id) => Cases.Single(c => c.Id == id);

    private static BadInput Bad(string id, string rpc, string input, string field, string fix, StatusCode code = StatusCode.InvalidArgument) =>
        new(id, rpc, input, code, field, fix);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Repeat(char c, int count) => new(c, count);
}
