using System.Net;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>
/// Each bad input of <see cref="BadInputCatalogue"/>, through gRPC and through JSON on a server of its own: the status,
/// a message that names the field (or line) and the fix, quotes at most a short piece of the input and no .NET type,
/// and every economy's data version, the indicator count and the fit count unchanged.
/// </summary>
public sealed class BadInputCatalogueTests(CatalogueServer server) : IClassFixture<CatalogueServer>
{
    /// <summary>A message quoting 80 characters of input plus the field, the rule and the fix stays well under this.</summary>
    private const int MaxMessageChars = 700;

    public static TheoryData<string> Ids => [.. BadInputCatalogue.Cases.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Is_refused_and_changes_nothing(string id)
    {
        BadInput input = BadInputCatalogue.Find(id);
        string before = await server.SnapshotAsync();
        var held = new List<IDisposable>();
        if (input.ServerBusy)
        {
            JobSlots slots = server.Services.GetRequiredService<JobSlots>();
            while (TryAcquire(slots) is { } slot)
            {
                held.Add(slot);
            }
        }

        try
        {
            if (input.Transport != Transport.JsonOnly)
            {
                (StatusCode code, string message) = await BadInputRunner.GrpcAsync(server.Channel, input);
                Assert.Equal(input.Code, code);
                AssertMessage(input, message, "gRPC");
            }
            if (input.Transport != Transport.GrpcOnly)
            {
                (HttpStatusCode http, StatusCode code, string message) = await BadInputRunner.JsonAsync(server.Http, input);
                Assert.Equal((input.Code, HttpStatus(input)), (code, http));
                AssertMessage(input, message, "JSON");
            }
        }
        finally
        {
            held.ForEach(h => h.Dispose());
        }

        Assert.Equal(before, await server.SnapshotAsync());
    }

    [Fact]
    public void The_catalogue_covers_every_rpc_with_eighty_cases_or_more()
    {
        var covered = BadInputCatalogue.Cases.Select(c => c.Rpc).ToHashSet();
        string[] missing = [.. ErrorsDoc.AllRpcs().Where(r => !covered.Contains(r) && !ErrorsDoc.TakesNothing(r))];

        Assert.True(BadInputCatalogue.Cases.Count >= 80, $"{BadInputCatalogue.Cases.Count} cases");
        Assert.Empty(missing);
        Assert.Equal(BadInputCatalogue.Cases.Count, BadInputCatalogue.Cases.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Docs_errors_md_is_the_catalogue()
    {
        string path = Path.Combine(RepoFiles.Root(), "docs", "errors.md");
        string expected = ErrorsDoc.Render(BadInputCatalogue.Cases);
        if (Environment.GetEnvironmentVariable("TRADEGRID_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path));
    }

    private static IDisposable? TryAcquire(JobSlots slots)
    {
        try
        {
            return slots.Acquire("test");
        }
        catch (TradeGrid.Domain.ResourceLimitException)
        {
            return null;
        }
    }

    private static void AssertMessage(BadInput input, string message, string transport)
    {
        Assert.True(message.Length <= MaxMessageChars, $"{transport}: {message.Length} characters: {message[..Math.Min(200, message.Length)]}");
        Assert.DoesNotContain("TradeGrid.", message);
        Assert.DoesNotContain("System.", message);
        Assert.DoesNotContain("Exception", message);
        if (input.Code == StatusCode.DeadlineExceeded)
        {
            return; // the client ends a call whose deadline has passed before the server says anything
        }
        Assert.True(message.Contains(input.Field, StringComparison.Ordinal), $"{transport}: no '{input.Field}' in: {message}");
        Assert.True(message.Contains(input.Fix, StringComparison.Ordinal), $"{transport}: no '{input.Fix}' in: {message}");
    }

    /// <summary>The JSON port's status for a gRPC code (JSON transcoding's mapping, with 413 for a limit and 429 for a busy server).</summary>
    public static HttpStatusCode HttpStatus(BadInput input) => input.Code switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition => HttpStatusCode.BadRequest,
        StatusCode.NotFound => HttpStatusCode.NotFound,
        StatusCode.ResourceExhausted => input.ServerBusy ? HttpStatusCode.TooManyRequests : HttpStatusCode.RequestEntityTooLarge,
        StatusCode.DeadlineExceeded => HttpStatusCode.GatewayTimeout,
        _ => HttpStatusCode.InternalServerError,
    };
}
