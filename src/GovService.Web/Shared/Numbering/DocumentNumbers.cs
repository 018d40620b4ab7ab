using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovService.Web.Shared.Numbering;

/// <summary>
/// A kind of numbered document: the letters its numbers start with and the PostgreSQL sequence (schema <c>gov</c>) they
/// are drawn from. Every series is listed here, so no two share a prefix or a sequence; a module with a new numbered
/// document (tickets, meetings …) adds its series here and declares its sequence in its model.
/// </summary>
public sealed record DocumentSeries
{
    /// <summary>督办单 (supervision order): opened by the deadline sweep or by a supervisor.</summary>
    public static readonly DocumentSeries SupervisionOrder = new("DB", "sup_order_numbers");

    /// <summary>投诉.</summary>
    public static readonly DocumentSeries Complaint = new("TS", "sup_complaint_numbers");

    /// <summary>差评整改工单 (rectification work order), opened with a bad rating.</summary>
    public static readonly DocumentSeries Rectification = new("ZG", "sup_rectification_numbers");

    /// <summary>准予行政许可决定书: the written decision granting an application.</summary>
    public static readonly DocumentSeries GrantDecision = new("ZY", "int_grant_decision_numbers");

    /// <summary>不予行政许可决定书: the written decision denying one, with the reasons and the remedies.</summary>
    public static readonly DocumentSeries DenialDecision = new("BY", "int_denial_decision_numbers");

    /// <summary>预约号: a booking of a slot at a service hall.</summary>
    public static readonly DocumentSeries Appointment = new("YY", "apt_appointment_numbers");

    /// <summary>授权委托书编号: a citizen's mandate to an agent (委托代办).</summary>
    public static readonly DocumentSeries Mandate = new("WT", "asv_mandate_numbers");

    /// <summary>代办单号: a request for 代办, 上门办 or 帮办.</summary>
    public static readonly DocumentSeries AssistanceRequest = new("DL", "asv_request_numbers");

    public static readonly IReadOnlyList<DocumentSeries> All = [SupervisionOrder, Complaint, Rectification, GrantDecision, DenialDecision, Appointment, Mandate, AssistanceRequest];

    private DocumentSeries(string prefix, string sequence)
    {
        Prefix = prefix;
        Sequence = sequence;
    }

    public string Prefix { get; }

    /// <summary>The sequence's name in schema <c>gov</c>, as the module's model declares it (<c>HasSequence</c>).</summary>
    public string Sequence { get; }
}

/// <summary>
/// The one way to number a document: prefix + the day of the draw (yyyyMMdd, Asia/Shanghai) + the series' sequence in
/// at least six digits, e.g. DB20261123000042; the millionth is DB202611231000000 (a digit more, never cut short).
/// The sequence is county-wide and never restarts, so a number is unique within its series whatever the day, on any
/// number of instances drawing at once; a draw is not rolled back with its transaction (a failed save leaves a gap,
/// which nobody relies on). The deadline sweep numbers the orders it opens in its own set-based statement with
/// <see cref="SqlNumber"/> and <see cref="SqlDraw"/>: the same sequence, the same format.
/// <para>
/// Case numbers (办件编号) are not drawn here: they are the county's daily series, gap-free and written with the cases
/// they number, drawn by <c>Intake.Domain.CaseNumbers</c>.
/// </para>
/// </summary>
public sealed class DocumentNumbers(DbContext db, TimeProvider clock)
{
    /// <summary>Draws the next number of a series, on the context's connection (inside its transaction when one is open).</summary>
    public async Task<string> NextAsync(DocumentSeries series, CancellationToken cancellationToken)
    {
        var sequence = await db.Database
            .SqlQueryRaw<long>("SELECT nextval(@sequence::regclass) AS \"Value\"", new NpgsqlParameter("sequence", "gov." + series.Sequence))
            .SingleAsync(cancellationToken);
        return Format(series, Calendar.ChinaTime.Today(clock), sequence);
    }

    /// <summary>
    /// The same numbers for a set-based statement that opens many documents at once (the deadline sweep's orders):
    /// a SQL expression of the draw's day (<paramref name="day"/>, a date parameter) and the drawn sequence value as
    /// text (<paramref name="sequence"/>), formatted as <see cref="Format"/> does; draw with <see cref="SqlDraw"/>.
    /// </summary>
    public static string SqlNumber(DocumentSeries series, string day, string sequence) =>
        $"'{series.Prefix}' || to_char({day}, 'YYYYMMDD') || lpad({sequence}, greatest(6, length({sequence})), '0')";

    /// <summary>The SQL that draws the series' next sequence value, as text (one per row in a select list).</summary>
    public static string SqlDraw(DocumentSeries series) => $"nextval('gov.{series.Sequence}')::text";

    /// <summary>The number of the <paramref name="sequence"/>-th document of a series drawn on <paramref name="day"/>.</summary>
    public static string Format(DocumentSeries series, DateOnly day, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{series.Prefix}{day:yyyyMMdd}{sequence:000000}");
}
