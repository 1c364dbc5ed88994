using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TradeGrid.Testing;

/// <summary>
/// xunit's framework with the run order taken from <see cref="TestOrderSetting"/>. Each test project names it in
/// an assembly attribute (<c>[assembly: TestFramework("TradeGrid.Testing.OrderedTestFramework", "TradeGrid.Testing")]</c>).
/// Discovery is xunit's own; only the order of execution changes.
/// </summary>
public sealed class OrderedTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new OrderedTestFrameworkExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}
