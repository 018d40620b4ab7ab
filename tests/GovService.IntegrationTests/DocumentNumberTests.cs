using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Shared.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>The document-number service against the real sequences: format, the day in Asia/Shanghai, no number twice.</summary>
[Collection(PortalTests.Name)]
public sealed class DocumentNumberTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<string>> DrawAsync(DocumentSeries series, int count)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var numbers = scope.ServiceProvider.GetRequiredService<DocumentNumbers>();
        var drawn = new List<string>();
        for (var i = 0; i < count; i++)
        {
            drawn.Add(await numbers.NextAsync(series, CancellationToken.None));
        }

        return drawn;
    }

    [Fact]
    public async Task Parallel_draws_on_many_connections_never_hand_out_a_number_twice()
    {
        var draws = await Task.WhenAll(Enumerable.Range(0, 12).SelectMany(_ => DocumentSeries.All.Select(series => DrawAsync(series, 10))));

        var numbers = draws.SelectMany(d => d).ToList();
        Assert.Equal(12 * 10 * DocumentSeries.All.Count, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        foreach (var series in DocumentSeries.All)
        {
            Assert.Equal(120, numbers.Count(n => n.StartsWith(series.Prefix + "20261123", StringComparison.Ordinal)));
        }

        var prefixes = string.Join('|', DocumentSeries.All.Select(series => series.Prefix));
        Assert.All(numbers, n => Assert.Matches($"^({prefixes})20261123[0-9]{{6,}}$", n));
        Assert.Equal(DocumentSeries.All.Count, DocumentSeries.All.Select(series => series.Prefix).Distinct().Count());
    }

    [Fact]
    public async Task The_day_is_the_date_in_china_and_a_draw_inside_a_rolled_back_transaction_stays_drawn()
    {
        // 23:30 UTC on the 23rd is 07:30 on the 24th in Asia/Shanghai.
        portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero));
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<DocumentNumbers>();
        string inside;
        await using (await db.Database.BeginTransactionAsync())
        {
            inside = await numbers.NextAsync(DocumentSeries.Complaint, CancellationToken.None);
        }

        var after = await numbers.NextAsync(DocumentSeries.Complaint, CancellationToken.None);
        Assert.StartsWith("TS20261124", inside, StringComparison.Ordinal);
        Assert.True(long.Parse(after[10..], System.Globalization.CultureInfo.InvariantCulture) > long.Parse(inside[10..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(42L)]
    [InlineData(999999L)]
    [InlineData(1234567L)]
    public async Task The_set_based_form_numbers_exactly_as_the_service_does(long sequence)
    {
        // The sweep opens its orders in one statement with the SQL form; both must give one number for one draw.
        var day = new DateOnly(2026, 11, 23);
        var sql = $"SELECT {DocumentNumbers.SqlNumber(DocumentSeries.SupervisionOrder, "@day", "@seq")} AS \"Value\"";
        var number = await portal.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>(sql, new Npgsql.NpgsqlParameter("day", day), new Npgsql.NpgsqlParameter("seq", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .SingleAsync());

        Assert.Equal(DocumentNumbers.Format(DocumentSeries.SupervisionOrder, day, sequence), number);
    }
}
