using System.Globalization;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>The last sequence number handed out for a region and a day.</summary>
public sealed class CaseCounter
{
    public string Region { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

/// <summary>
/// 办件编号 = 6-digit county code + date (Asia/Shanghai) + 5-digit daily sequence, e.g.
/// 3611312026112300001. The sequence comes from one atomic upsert, so concurrent intakes on any number
/// of instances never share a number and leave no gaps.
/// </summary>
public sealed class CaseNumbers(GovDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public string Region => configuration["Intake:RegionCode"] ?? "361131";

    public async Task<string> NextAsync(CancellationToken ct)
    {
        var day = clock.Today();
        var region = Region;
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO gov.int_case_counters (region, day, last) VALUES ({region}, {day}, 1)
            ON CONFLICT (region, day) DO UPDATE SET last = gov.int_case_counters.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"{region}{day:yyyyMMdd}{next[0]:D5}");
    }
}
