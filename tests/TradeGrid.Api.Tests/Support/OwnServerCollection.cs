namespace TradeGrid.Api.Tests.Support;

/// <summary>
/// Test classes that write (import, store a fill, prediction, forecast or world estimate) each get a server of their
/// own as a class fixture (<c>IClassFixture&lt;ServerFixture&gt;</c>), so no other class ever sees what they wrote.
/// They share this collection so that they run one class at a time: one such server is up at once, beside the
/// shared read-only server of <see cref="ServerCollection"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OwnServerCollection
{
    public const string Name = "classes that write, each on its own server";
}
