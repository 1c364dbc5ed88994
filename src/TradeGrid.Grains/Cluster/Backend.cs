namespace TradeGrid.Grains.Cluster;

/// <summary>Where the cluster keeps its membership, grain state and reminders.</summary>
public enum Backend
{
    /// <summary>One process, localhost clustering, grain state in memory: nothing survives the process.</summary>
    Memory,

    /// <summary>Membership, grain state and reminders in PostgreSQL (Orleans' ADO.NET providers): any number of silos.</summary>
    Postgres,
}
