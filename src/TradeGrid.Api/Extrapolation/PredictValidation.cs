using TradeGrid.Api.Catalog;
using TradeGrid.Api.Estimation;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Extrapolation;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Api.Extrapolation;

/// <summary>Checks a PredictRequest field by field and resolves its economies; nothing is predicted before every field has passed.</summary>
public static class PredictValidation
{
    public static PredictionRequestSpec Resolve(PredictRequest request, CatalogView view)
    {
        string id = RequestValidation.FitId(request.FitId);
        (int from, int to) = RequestValidation.YearRange(request.From, request.To);
        double level = RequestValidation.Level(request.Level, "level");
        BiasCorrection correction = request.Correction switch
        {
            BiasCorrectionKind.Unspecified or BiasCorrectionKind.Smearing => BiasCorrection.Smearing,
            BiasCorrectionKind.Normal => BiasCorrection.Normal,
            BiasCorrectionKind.None => BiasCorrection.None,
            _ => throw new InvalidSpecException($"correction: {(int)request.Correction} is not a correction; use SMEARING, NORMAL or NONE"),
        };
        string[] economies = request.Economies.Count == 0 && request.Groups.Count == 0
            ? view.Select([], "economies", CatalogView.World).Economies
            : SpecValidation.Economies(view, request.Economies, request.Groups, "economies", "groups");
        bool named = request.Economies.Count > 0 || request.Groups.Count > 0;
        return new PredictionRequestSpec(id, economies, from, to, request.IncludeObserved, level, correction, request.ForbidRefit, request.Store, named);
    }
}
