namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>What a <see cref="SweepCommand"/> asks of an economy's <see cref="SweepBlock"/>.</summary>
public enum SweepOp
{
    /// <summary>Drop singletons and rows of all-zero groups given the groups' counts over every economy; answer the new counts.</summary>
    Filter,

    /// <summary>Keep only the rows left; answer each set's groups (their global ids for sets that span economies).</summary>
    Compact,

    /// <summary>Where the block's groups of each set sit in the coordinator's vectors (after Compact): later vectors are whole.</summary>
    Layout,

    /// <summary>Start projecting: the columns less the start's effects, the eliminated set taken out; answer D'W of them and the preconditioner.</summary>
    Start,

    /// <summary>One CG product: answer D'WMD p for each column's direction p.</summary>
    Product,

    /// <summary>Take the solved effects out of the columns; answer the QR part of the weighted demeaned columns.</summary>
    Finish,

    /// <summary>Residuals at the coefficients; answer their sums (OLS), the deviance of the next μ (PPML) or the certificate's range.</summary>
    Residuals,

    /// <summary>PPML step halving: the candidate η halfway back to the current one; answer its deviance.</summary>
    Halve,

    /// <summary>PPML: the candidate η and μ become the current ones.</summary>
    Accept,

    /// <summary>Separation: the next round's certificate target u = max(fit, 0) on the y = 0 rows.</summary>
    Rectify,

    /// <summary>Separation: drop the y = 0 rows whose certificate fit is positive; answer how many.</summary>
    DropSeparated,

    /// <summary>Covariance: whitened meat (HC) or unwhitened score sums per cluster group.</summary>
    Scores,

    /// <summary>Covariance: which effect groups lie in one cluster group.</summary>
    Nesting,

    /// <summary>The fit's sums: moments of y (and μ), log-likelihood.</summary>
    Summary,
}
