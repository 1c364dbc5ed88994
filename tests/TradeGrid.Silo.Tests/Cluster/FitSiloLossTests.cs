using Grpc.Core;
using TradeGrid.Api.V1;
using TradeGrid.Silo.Tests.Support;
using Xunit.Abstractions;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>
/// A structural-gravity PPML fit on 1,000,000 pair-years (<see cref="FlowPanel"/>), held by a file gate just after its
/// coordinator stored the plan (not at a guessed moment): kill -9 of the silo running it, and the fit is resumed on the
/// other silo; the caller gets it (through the gateway's resend, or by sending the request again when its own silo
/// died), bit-identical to the same model fitted afresh on the survivor alone. After a full restart, the plan is
/// resumed by the first call that reads the fit.
/// </summary>
public sealed class FitSiloLossTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task KillingTheSiloRunningALargeFit_ResumesIt_WithTheSameResult()
    {
        await using GatedCluster cluster = await GatedCluster.CreateAsync();
        SiloProcess a = await cluster.StartGatedAsync();
        SiloProcess b = await cluster.StartGatedAsync();
        await ImportPanelAsync(a);
        await cluster.HoldCheckpoint();

        Task<FitResponse> first = new EstimateService.EstimateServiceClient(a.Channel).FitAsync(Request(0.95)).ResponseAsync;
        (SiloProcess victim, string fitId, _) = await cluster.WhenHeldAsync();
        SiloProcess survivor = victim == a ? b : a;
        victim.Kill();
        cluster.ReleaseCheckpoint();

        var throughSurvivor = new EstimateService.EstimateServiceClient(survivor.Channel);
        ModelFit resumed;
        if (victim == a)
        {
            // The caller's silo died with the fit: it sends the request again, to the survivor.
            await Assert.ThrowsAsync<RpcException>(() => first);
            resumed = (await Imports.WhenClusterSettledAsync(() => throughSurvivor.FitAsync(Request(0.95)).ResponseAsync)).Fit;
        }
        else
        {
            // The caller's silo survived: its gateway sent the fit again, and the call returns it.
            resumed = (await first).Fit;
        }

        output.WriteLine($"killed the {(victim == a ? "caller's" : "other")} silo; {resumed.Observations} rows, β = {resumed.Coefficients[0].Estimate:R}");
        Assert.Equal(fitId, resumed.FitId);
        Assert.Contains($"Fit {fitId} resumes", survivor.Log);
        Assert.Equal(FlowPanel.Reporters * FlowPanel.Partners * FlowPanel.Years, resumed.Observations + resumed.SeparatedRows + resumed.SingletonRows);

        // The same model fitted from the start on the survivor alone: another level and a first year before the panel's
        // (the same rows, but another fit id, rows key and design key, so nothing of the resumed fit is reused).
        ModelFit alone = (await throughSurvivor.FitAsync(Afresh())).Fit;
        Assert.NotEqual(fitId, alone.FitId);
        AssertSameNumbers(alone, resumed);
    }

    [PostgresFact]
    public async Task AFullRestartDuringALargeFit_ResumesIt_WhenTheFitIsRead()
    {
        await using GatedCluster cluster = await GatedCluster.CreateAsync();
        SiloProcess a = await cluster.StartGatedAsync();
        SiloProcess b = await cluster.StartGatedAsync();
        await ImportPanelAsync(b);
        await cluster.HoldCheckpoint();
        Task<FitResponse> first = new EstimateService.EstimateServiceClient(b.Channel).FitAsync(Request(0.95)).ResponseAsync;
        (_, string fitId, _) = await cluster.WhenHeldAsync();

        a.Kill();
        b.Kill();
        await Assert.ThrowsAsync<RpcException>(() => first);
        cluster.ReleaseCheckpoint();
        SiloProcess c = await cluster.StartAsync(a.SiloPort);
        SiloProcess d = await cluster.StartAsync(b.SiloPort);

        var throughD = new EstimateService.EstimateServiceClient(d.Channel);
        ModelFit resumed = (await Imports.WhenClusterSettledAsync(() => throughD.GetFitAsync(new GetFitRequest { FitId = fitId }).ResponseAsync)).Fit;
        Assert.Contains($"Fit {fitId} resumes", c.Log + d.Log);
        Assert.Equal(fitId, resumed.FitId);
        ModelFit alone = (await throughD.FitAsync(Afresh())).Fit;
        AssertSameNumbers(alone, resumed);
    }

    private static async Task ImportPanelAsync(SiloProcess silo)
    {
        ImportResponse imported = await new DataService.DataServiceClient(silo.Channel).ImportAsync(FlowPanel.Csv());
        Assert.True(imported.Write.Committed);
    }

    /// <summary>y on cost with reporter×year, partner×year and pair effects, clustered by pair.</summary>
    private static FitRequest Request(double level) => new()
    {
        Spec = new ModelSpec
        {
            Formula = "fl_y ~ fl_cost | reporter^year + partner^year + pair",
            Estimator = Estimator.Ppml,
            Covariance = CovarianceType.ClusterCr0,
            Cluster = { "pair" },
            ConfidenceLevel = level,
            Sample = new ModelSample { Economies = { FlowPanel.ReporterCodes }, Partners = { FlowPanel.PartnerCodes } },
        },
    };

    /// <summary>
    /// The request at another level, its sample starting the year before the panel's first: the same rows and numbers,
    /// but nothing a silo kept from the first fit (its rows, its converged design) is found under its keys.
    /// </summary>
    private static FitRequest Afresh()
    {
        FitRequest request = Request(0.9);
        request.Spec.Sample.From = FlowPanel.FirstYear - 1;
        return request;
    }

    /// <summary>Every estimate, standard error and count, bit for bit (the confidence intervals differ by their level).</summary>
    private static void AssertSameNumbers(ModelFit expected, ModelFit actual)
    {
        Assert.Equal(expected.Observations, actual.Observations);
        Assert.Equal(expected.SeparatedRows, actual.SeparatedRows);
        Assert.Equal(expected.SingletonRows, actual.SingletonRows);
        Assert.Equal(expected.Coefficients.Select(c => (c.Name, c.Estimate, c.StdError)), actual.Coefficients.Select(c => (c.Name, c.Estimate, c.StdError)));
        Assert.Equal(expected.Effects, actual.Effects);
    }
}
