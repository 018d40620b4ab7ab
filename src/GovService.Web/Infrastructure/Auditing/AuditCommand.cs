using System.Globalization;

namespace GovService.Web.Infrastructure.Auditing;

/// <summary>
/// <c>GovService.Web audit verify</c> (or <c>./gov.sh audit-verify</c>): checks the audit trail's hash chain and
/// prints the first tampered entry; exit code 0 when intact, 1 when broken. <c>audit seal</c> seals pending
/// entries first (what the minutely job does), for an operator who wants the newest entries covered now.
/// </summary>
internal static class AuditCommand
{
    public static async Task<int> RunAsync(WebApplicationBuilder builder, string command)
    {
        if (command is not ("verify" or "seal"))
        {
            await Console.Error.WriteLineAsync("usage: GovService.Web audit verify | audit seal");
            return 64;
        }

        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
        try
        {
            return await RunAsync(chain, command);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.UndefinedColumn or Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            await Console.Error.WriteLineAsync("This database is not at this version's schema (no audit chain yet): start the portal once with it, which applies the migrations, then verify again.");
            return 2;
        }
        catch (Npgsql.NpgsqlException e)
        {
            await Console.Error.WriteLineAsync($"The database could not be reached: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> RunAsync(AuditChain chain, string command)
    {
        if (command == "seal")
        {
            var count = await chain.SealAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sealed {count} entries"));
        }

        var result = await chain.VerifyAsync();
        if (result.FirstBreak is { } broken)
        {
            var what = broken.Kind == AuditBreak.Altered
                ? "its content or hash was changed after sealing (内容被篡改)"
                : "one or more entries before it were deleted (前序记录缺失)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"AUDIT CHAIN BROKEN at chain position {broken.ChainSeq}, audit entry id {broken.EntryId}: {what}. {result.VerifiedEntries} entries before it verified."));
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"audit chain intact: {result.VerifiedEntries} entries verified, head {result.HeadHash}; {result.UnsealedEntries} newer entries not sealed yet (sealed every minute)."));
        return 0;
    }
}
