using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;
using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Commands;

/// <summary>
/// fit: a model from a spec file (a FitRequest in protobuf's JSON mapping), a preset, or options; prints the
/// coefficient table in the style of R's summary (estimates, SEs, t, p, stars) and the fit statistics.
/// </summary>
internal static partial class FitCommand
{
    private static readonly JsonParser _parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static Command Create()
    {
        Option<FileInfo> specFile = new("--spec") { Description = "FitRequest as JSON (protobuf's JSON mapping), e.g. {\"spec\": {...}}" };
        Option<string> preset = new("--preset") { Description = "A named model: rcep-digital-services" };
        Option<string> dependent = new("--dependent", "-y") { Description = "Dependent variable, e.g. log(rgdpna)" };
        Option<string[]> regressors = new("--regressors", "-x")
        {
            Description = "Regressors: pop, log(pop), log1p(x), lag2(pop), diff1(pop), log(partner:NY.GDP.MKTP.CD), pair:distance",
            AllowMultipleArgumentsPerToken = true,
        };
        Option<string[]> economies = new("--economies") { Description = "Economies (reporters)", AllowMultipleArgumentsPerToken = true };
        Option<string[]> groups = new("--groups") { Description = "Groups whose members are included (WLD: every economy)", AllowMultipleArgumentsPerToken = true };
        Option<string[]> partners = new("--partners") { Description = "Partners, for bilateral rows", AllowMultipleArgumentsPerToken = true };
        Option<string[]> partnerGroups = new("--partner-groups") { Description = "Partner groups, for bilateral rows", AllowMultipleArgumentsPerToken = true };
        Option<int> from = new("--from") { Description = "First year" };
        Option<int> to = new("--to") { Description = "Last year" };
        Option<string> estimator = new("--estimator") { Description = "ols or ppml" };
        Option<string> effects = new("--fe") { Description = "none, economy, year, two-way, pair or pair-year" };
        Option<string> covariance = new("--covariance", "--vcov") { Description = "classical, hc0, hc1, cluster (CR1) or cluster-cr0" };
        Option<double> level = new("--level") { Description = "Confidence level, e.g. 0.95" };
        Option<bool> dropCollinear = new("--drop-collinear") { Description = "Drop collinear regressors instead of refusing" };
        Option<bool> dropNonpositive = new("--drop-nonpositive-log") { Description = "Drop rows whose logged value is ≤ 0 instead of refusing" };
        Option<string> formula = new("--formula", "-f")
        {
            Description = "A fixest-style formula instead of -y/-x/--fe, e.g. 'trade ~ rta + log(dist) | reporter^year + partner^year + pair'",
        };
        Option<string[]> effectSets = new("--effects") { Description = "Sets of fixed effects: reporter partner year pair sympair reporter^year …", AllowMultipleArgumentsPerToken = true };
        Option<string[]> cluster = new("--cluster") { Description = "Cluster by one dimension, or two for two-way (reporter partner year pair sympair); implies --vcov cluster", AllowMultipleArgumentsPerToken = true };
        Option<bool> noIntercept = new("--no-intercept") { Description = "Without fixed effects: fit without an intercept" };
        Option<bool> domestic = new("--domestic") { Description = "Bilateral samples: keep each reporter's flow to itself (domestic flows)" };
        Option<bool> absorbInGrains = new("--absorb-in-grains")
        {
            Description = "With --formula or --effects: absorb the effects in the economy grains (per-group sums gathered each sweep) instead of gathering the rows",
        };
        Option<string> reporter = new("--reporter") { Description = "rcep-digital-services: reporter economy (default CHN)" };
        Option<string> exportsIndicator = new("--exports-indicator") { Description = "rcep-digital-services: bilateral exports indicator" };
        Command command = new("fit", "Fit an OLS, fixed-effects or PPML model and print its coefficient table")
        {
            specFile, preset, dependent, regressors, economies, groups, partners, partnerGroups, from, to, estimator, effects,
            covariance, level, dropCollinear, dropNonpositive, reporter, exportsIndicator, formula, effectSets, cluster, noIntercept, domestic,
            absorbInGrains,
        };
        command.SetAction(async (parse, ct) =>
        {
            FitRequest request;
            try
            {
                request = await Build(parse, ct);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidProtocolBufferException or IOException)
            {
                Console.Error.WriteLine($"error (InvalidArgument): {ex.Message}");
                return ExitCodes.For(Grpc.Core.StatusCode.InvalidArgument);
            }

            var client = new EstimateService.EstimateServiceClient(GlobalOptions.Channel(parse));
            FitResponse response = await client.FitAsync(request, cancellationToken: ct);
            FitTable.Write(parse.GetValue(GlobalOptions.Output), response);
            return 0;
        });
        return command;

        async Task<FitRequest> Build(ParseResult parse, CancellationToken ct)
        {
            FitRequest request = parse.GetValue(specFile) is { } file
                ? _parser.Parse<FitRequest>(await File.ReadAllTextAsync(file.FullName, ct))
                : new FitRequest();
            request.Spec ??= new ModelSpec();
            ModelSpec spec = request.Spec;
            spec.Sample ??= new ModelSample();
            if (parse.GetValue(preset) is { Length: > 0 } name)
            {
                request.Preset = name;
                request.Rcep ??= new RcepPresetOptions();
                request.Rcep.Reporter = parse.GetValue(reporter) ?? request.Rcep.Reporter;
                request.Rcep.ExportsIndicator = parse.GetValue(exportsIndicator) ?? request.Rcep.ExportsIndicator;
            }
            if (parse.GetValue(dependent) is { Length: > 0 } y)
            {
                spec.Dependent = Variable(y);
            }
            spec.Regressors.AddRange(Split(parse.GetValue(regressors)).Select(Variable));
            spec.Sample.Economies.AddRange(Split(parse.GetValue(economies)));
            spec.Sample.Groups.AddRange(Split(parse.GetValue(groups)));
            spec.Sample.Partners.AddRange(Split(parse.GetValue(partners)));
            spec.Sample.PartnerGroups.AddRange(Split(parse.GetValue(partnerGroups)));
            spec.Sample.From = parse.GetValue(from) is int f and > 0 ? f : spec.Sample.From;
            spec.Sample.To = parse.GetValue(to) is int t and > 0 ? t : spec.Sample.To;
            spec.Estimator = Enum(parse.GetValue(estimator), spec.Estimator);
            spec.FixedEffects = Enum(parse.GetValue(effects), spec.FixedEffects);
            spec.Covariance = Enum(parse.GetValue(covariance), spec.Covariance);
            spec.ConfidenceLevel = parse.GetValue(level) is double l and > 0 ? l : spec.ConfidenceLevel;
            spec.DropCollinear |= parse.GetValue(dropCollinear);
            spec.DropNonpositiveLog |= parse.GetValue(dropNonpositive);
            spec.Formula = parse.GetValue(formula) is { Length: > 0 } text ? text : spec.Formula;
            spec.Effects.AddRange(Split(parse.GetValue(effectSets)));
            spec.Cluster.AddRange(Split(parse.GetValue(cluster)));
            if (spec.Cluster.Count > 0 && spec.Covariance is CovarianceType.Unspecified)
            {
                spec.Covariance = CovarianceType.Cluster;
            }

            spec.NoIntercept |= parse.GetValue(noIntercept);
            spec.Domestic |= parse.GetValue(domestic);
            spec.AbsorbInGrains |= parse.GetValue(absorbInGrains);
            return request;
        }
    }

    /// <summary>Parses the coefficient-name syntax: log(x), log1p(x), lagK(x), diffK(x), x; partner:x or pair:x inside.</summary>
    public static ModelVariable Variable(string text)
    {
        Match m = VariablePattern().Match(text.Trim());
        if (!m.Success)
        {
            throw new ArgumentException($"'{text}' is not a variable; write e.g. log(pop), lag1(pop), diff1(pop), log(partner:NY.GDP.MKTP.CD)");
        }

        string function = m.Groups["f"].Value;
        int lag = m.Groups["k"].Success && m.Groups["k"].Value.Length > 0 ? int.Parse(m.Groups["k"].Value, CultureInfo.InvariantCulture) : 0;
        return new ModelVariable
        {
            Indicator = m.Groups["code"].Value,
            Lag = lag,
            Transform = function switch
            {
                "log" => VariableTransform.Log,
                "log1p" => VariableTransform.Log1P,
                "lag" => VariableTransform.Lag,
                "diff" => VariableTransform.Difference,
                _ => VariableTransform.Level,
            },
            Side = m.Groups["side"].Value switch
            {
                "partner" => VariableSide.Partner,
                "pair" => VariableSide.Pair,
                _ => VariableSide.Unspecified,
            },
        };
    }

    [GeneratedRegex(@"^(?:(?<f>log1p|log|lag|diff)(?<k>\d*)\()?(?:(?<side>partner|pair):)?(?<code>[^():]+)\)?$")]
    private static partial Regex VariablePattern();

    /// <summary>"two-way" → the enum value named TWO_WAY after the enum's prefix; empty keeps the current value.</summary>
    internal static T Enum<T>(string? text, T current) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return current;
        }

        string wanted = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (T value in System.Enum.GetValues<T>())
        {
            if (value.ToString().Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ArgumentException($"'{text}' is not one of: {string.Join(", ", System.Enum.GetNames<T>().Skip(1).Select(n => n.ToLowerInvariant()))}");
    }

    internal static IEnumerable<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
