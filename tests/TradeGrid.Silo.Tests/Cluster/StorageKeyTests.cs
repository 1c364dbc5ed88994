using System.Reflection;
using TradeGrid.Grains.Cluster;
using TradeGrid.Grains.Economy;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>Rows of grain state are keyed by state name and grain key: neither may be shared by mistake.</summary>
public sealed class StorageKeyTests
{
    [Theory]
    [InlineData("036", "36")]
    [InlineData("ABC", "0ABC")]
    public void StoredKeys_OfCodesThatParseAsTheSameNumber_StayStringsAndDiffer(string a, string b)
    {
        GrainType type = GrainType.Create("economy");
        GrainId first = StringKeyStorage.Stored(GrainId.Create(type, a));
        GrainId second = StringKeyStorage.Stored(GrainId.Create(type, b));

        // Without the prefix both parse as one integer key, which ADO.NET storage would store as one row.
        Assert.True(GrainId.Create(type, a).TryGetIntegerKey(out long x, out _) && GrainId.Create(type, b).TryGetIntegerKey(out long y, out _) && x == y);
        Assert.False(first.TryGetIntegerKey(out _, out _));
        Assert.False(first.TryGetGuidKey(out _, out _));
        Assert.NotEqual(first.Key.ToString(), second.Key.ToString());
        Assert.EndsWith(a, first.Key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryGrainClass_HasStateNamesNoOtherGrainClassUses()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        Type[] grains = typeof(EconomyGrain).Assembly.GetTypes().Where(t => typeof(Grain).IsAssignableFrom(t) && !t.IsAbstract).ToArray();
        foreach (Type grain in grains)
        {
            foreach (ParameterInfo parameter in grain.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } state)
                {
                    Assert.True(owners.TryAdd(state.StateName, grain.Name), $"state name '{state.StateName}' is used by {grain.Name} and {owners.GetValueOrDefault(state.StateName)}");
                }
            }
        }
        Assert.Contains("economy", owners.Keys);
        Assert.Contains("writes", owners.Keys);
        Assert.Contains("fit-coordinator", owners.Keys);
    }
}
