using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TradeGrid.Testing;

/// <summary>
/// xunit's assembly runner with three orders replaced when <see cref="TestOrderSetting.Current"/> is not the default:
/// collections (which xunit starts in this order, two or more at a time), the classes of a collection (run one after
/// the other, in the order their first test appears) and the tests of a class.
/// </summary>
internal sealed class OrderedTestAssemblyRunner(
    ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
    IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
{
    private readonly TestOrder _order = TestOrderSetting.Current;

    protected override async Task AfterTestAssemblyStartingAsync()
    {
        await base.AfterTestAssemblyStartingAsync();
        if (_order != TestOrder.Default)
        {
            TestCollectionOrderer = new NamedCollectionOrderer(_order);
            TestCaseOrderer = new NamedTestCaseOrderer(_order);
        }
    }

    protected override Task<RunSummary> RunTestCollectionAsync(
        IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource) =>
        // A stable sort by class name: xunit runs a collection's classes in the order their first test appears.
        base.RunTestCollectionAsync(messageBus, testCollection, TestOrderSetting.Apply(testCases, c => c.TestMethod.TestClass.Class.Name, _order).ToList(), cancellationTokenSource);

    private sealed class NamedCollectionOrderer(TestOrder order) : ITestCollectionOrderer
    {
        public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
            TestOrderSetting.Apply(testCollections, c => c.DisplayName, order);
    }

    private sealed class NamedTestCaseOrderer(TestOrder order) : ITestCaseOrderer
    {
        public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
            where TTestCase : ITestCase =>
            TestOrderSetting.Apply(testCases, c => c.TestMethod.Method.Name + "\u0001" + c.DisplayName, order);
    }
}
