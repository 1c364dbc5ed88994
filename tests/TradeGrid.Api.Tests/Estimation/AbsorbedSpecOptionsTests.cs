using TradeGrid.Api.Catalog;
using TradeGrid.Api.Estimation;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Api.Tests.Estimation;

/// <summary>
/// The options of an absorbed model against a small catalogue, without a server: absorb_in_grains takes the absorbed
/// path, reaches the <see cref="DesignSpec"/>, comes back in the fit's spec, makes a fit of its own and shares the rows.
/// </summary>
public sealed class AbsorbedSpecOptionsTests
{
    private static readonly CatalogView _view = new(new CatalogSnapshot(
        [EconomyRecord.Bare("AUS"), EconomyRecord.Bare("CHN"), EconomyRecord.Bare("JPN")],
        [new IndicatorRecord("trade", "Trade", string.Empty, "test", string.Empty), new IndicatorRecord("rta", "RTA", string.Empty, "test", string.Empty)],
        [],
        1));

    private static ModelSpec Gravity(bool inGrains) => new()
    {
        Formula = "trade ~ rta | reporter^year + partner^year + pair",
        Estimator = Estimator.Ppml,
        Domestic = true,
        AbsorbInGrains = inGrains,
    };

    [Fact]
    public void Absorb_in_grains_reaches_the_design_spec_and_comes_back_in_the_fit_spec()
    {
        DesignSpec design = SpecValidation.Resolve(Gravity(inGrains: true), _view, new EstimateLimits());
        DesignSpec gathered = SpecValidation.Resolve(Gravity(inGrains: false), _view, new EstimateLimits());

        Assert.True(design.Absorbed);
        Assert.True(design.AbsorbInGrains);
        Assert.False(gathered.AbsorbInGrains);
        Assert.True(design.ToProto().AbsorbInGrains);
        Assert.False(gathered.ToProto().AbsorbInGrains);
        Assert.Equal(["AUS", "CHN", "JPN"], design.ToProto().Sample.Partners);
    }

    [Fact]
    public void Absorb_in_grains_alone_takes_the_absorbed_path()
    {
        var spec = new ModelSpec
        {
            Dependent = new ModelVariable { Indicator = "trade", Transform = VariableTransform.Log },
            AbsorbInGrains = true,
        };
        spec.Regressors.Add(new ModelVariable { Indicator = "rta" });

        DesignSpec design = SpecValidation.Resolve(spec, _view, new EstimateLimits());

        Assert.True(AbsorbedSpecValidation.Applies(spec));
        Assert.True(design.Absorbed);
        Assert.True(design.AbsorbInGrains);
        Assert.True(design.AddIntercept);
    }

    [Fact]
    public void Absorbing_in_the_grains_is_a_fit_of_its_own_on_the_same_rows()
    {
        DesignSpec design = SpecValidation.Resolve(Gravity(inGrains: true), _view, new EstimateLimits());
        DesignSpec gathered = SpecValidation.Resolve(Gravity(inGrains: false), _view, new EstimateLimits());

        Assert.NotEqual(gathered.FitId(), design.FitId());
        Assert.Equal(gathered.RowsKey(), design.RowsKey());
    }

    [Fact]
    public void The_preset_carries_absorb_in_grains_over_from_the_spec()
    {
        ModelSpec spec = RcepPreset.Apply(new FitRequest
        {
            Preset = RcepPreset.Name,
            Spec = new ModelSpec { Effects = { "partner" }, AbsorbInGrains = true },
        });

        Assert.True(spec.AbsorbInGrains);
        Assert.True(AbsorbedSpecValidation.Applies(spec));
    }
}
