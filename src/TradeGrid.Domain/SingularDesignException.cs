namespace TradeGrid.Domain;

/// <summary>The design matrix is singular or nearly so: collinear or constant regressors.</summary>
public sealed class SingularDesignException(string message) : TradeGridException(message);
