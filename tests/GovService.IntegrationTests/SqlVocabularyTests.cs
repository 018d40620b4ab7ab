using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovService.IntegrationTests;

/// <summary>
/// The database's views and partial indexes are written once, in migrations, with enum values as bare numbers
/// (<c>c.state = ANY (ARRAY[3, 5, 6, 7, 8])</c>). Each such comparison is declared below by the enum members it
/// means; the test reads what the migrated database really holds (<c>pg_views</c>, <c>pg_indexes</c>) and compares.
/// Renumber or reorder a member and the declared numbers no longer match the SQL; write a new view or filter that
/// compares an enum column and it is not declared: both fail here, naming the view and the column.
/// (The SQL the code sends at run time takes its numbers from the enums themselves: see
/// <c>SqlLiteralTests</c> in the unit tests.)
/// </summary>
[Collection(PortalTests.Name)]
public sealed partial class SqlVocabularyTests(PortalFactory portal)
{
    private static readonly (string Object, string Column, string Operator, Enum[] Values)[] Declared =
    [
        ("int_v_open_clocks", "int_cases.state", "= ANY", OpenCase),
        ("int_v_case_facts", "int_cases.state", "= ANY", OpenCase),
        ("int_v_rateable_cases", "int_cases.state", "= ANY", [CaseState.Denied, CaseState.Completed]),
        ("int_v_case_flags", "int_cases.state", "<>", [CaseState.Draft]),
        ("apr_v_open_steps", "apr_tasks.state", "=", [TaskState.Open]),
        ("apr_v_paused_cases", "apr_clock_segments.state", "=", [SegmentState.InForce]),
        ("apr_v_paused_cases", "apr_clock_segments.kind", "= ANY", [ClockSegmentKind.PausedForSupplement, ClockSegmentKind.PausedForSpecialProcedure]),
        ("apr_v_case_limits", "apr_clock_segments.kind", "=", [ClockSegmentKind.Extended]),
        ("apr_v_case_limits", "apr_clock_segments.state", "=", [SegmentState.InForce]),
        ("ix_cat_item_versions_item_id_status", "cat_item_versions.status", "= ANY", [VersionStatus.Draft, VersionStatus.Published]),
        ("ix_apr_tasks_queue", "apr_tasks.state", "=", [TaskState.Open]),
        ("ix_apr_clock_segments_open", "apr_clock_segments.state", "=", [SegmentState.InForce]),
        ("ix_apr_clock_segments_open", "apr_clock_segments.kind", "<>", [ClockSegmentKind.Extended]),
        ("ux_apr_second_supplements_pending", "apr_second_supplements.state", "=", [SecondSupplementState.Pending]),
        ("ix_ntf_outbox_pending", "ntf_outbox.state", "=", [OutboxState.Pending]),
        ("ix_sup_rectifications_watch", "sup_rectifications.state", "=", [RectificationState.Open]),
        ("ix_sup_complaints_watch", "sup_complaints.state", "=", [ComplaintState.Open]),
        ("ix_hal_tickets_queue", "hal_tickets.state", "=", [TicketState.Waiting]),
        ("ux_hal_tickets_window_active", "hal_tickets.state", "= ANY", [TicketState.Called, TicketState.Serving]),
    ];

    /// <summary>The states in which a case's clock runs or is paused: the open cases of the dashboard and the sweep.</summary>
    private static Enum[] OpenCase =>
        [CaseState.SupplementRequested, CaseState.Accepted, CaseState.AcceptedWithDeficiency, CaseState.InReview, CaseState.SpecialProcedure];

    [Fact]
    public async Task Every_enum_value_written_as_a_number_in_a_view_or_an_index_filter_is_the_member_declared_for_it()
    {
        var enumColumns = await portal.WithDbAsync(db => Task.FromResult(GovService.Testing.EnumColumns.Of(db.Model)));
        var found = new List<string>();
        foreach (var (name, table, sql) in await DefinitionsAsync())
        {
            foreach (Match m in Comparison().Matches(sql))
            {
                var column = $"{Table(sql, m.Groups["alias"].Value, table)}.{m.Groups["column"].Value}";
                if (!enumColumns.TryGetValue(column, out var type))
                {
                    continue;
                }

                var op = m.Groups["quantifier"].Success ? $"{m.Groups["op"].Value} {m.Groups["quantifier"].Value}" : m.Groups["op"].Value;
                var numbers = m.Groups["list"].Success ? m.Groups["list"].Value : m.Groups["number"].Value;
                var values = numbers.Split(',', StringSplitOptions.TrimEntries).Select(int.Parse).Order();
                Assert.All(values, v => Assert.True(Enum.IsDefined(type, v), $"{name}: {column} {op} {v} is no member of {type.Name}"));
                found.Add($"{name}: {column} {op} [{string.Join(", ", values)}]");
            }
        }

        var declared = Declared.Select(d => $"{d.Object}: {d.Column} {d.Operator} [{string.Join(", ", d.Values.Select(Convert.ToInt32).Order())}]");
        Assert.Equal(declared.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_step_action_named_in_a_view_an_index_or_the_reminder_job_is_one_of_the_step_actions()
    {
        var known = typeof(StepActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        var named = new List<(string Where, string Action)>();
        foreach (var (name, _, sql) in await DefinitionsAsync())
        {
            if (sql.Contains("action", StringComparison.Ordinal))
            {
                named.AddRange(ActionLiteral().Matches(sql).Select(m => (name, m.Groups[1].Value)));
            }
        }

        var job = await File.ReadAllTextAsync(Path.Combine(GovService.Testing.Repository.WebProject, "Modules", "Intake", "Jobs", "DeficiencyReminderJob.cs"));
        named.AddRange(Regex.Matches(job, @"action = '(\w+)'").Select(m => ("DeficiencyReminderJob", m.Groups[1].Value)));

        Assert.Contains(named, n => n.Where == "ix_int_case_steps_case_id_action");
        Assert.Contains(named, n => n.Where == "DeficiencyReminderJob");
        Assert.All(named, n => Assert.True(known.Contains(n.Action), $"{n.Where} names the step action '{n.Action}', which StepActions does not define"));
    }

    [Fact]
    public async Task The_check_reads_real_definitions()
    {
        // Positive control: the parser sees the open-case view's list as the migrations wrote it.
        var definitions = await DefinitionsAsync();
        var view = Assert.Single(definitions, d => d.Name == "int_v_open_clocks");
        Assert.Matches(Comparison(), view.Sql);
        Assert.True(definitions.Count(d => d.Name.StartsWith("ix_", StringComparison.Ordinal)) > 5);
    }

    /// <summary>The views' definitions and the partial indexes' statements in schema gov, as PostgreSQL prints them.</summary>
    private async Task<List<(string Name, string? Table, string Sql)>> DefinitionsAsync()
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT viewname, NULL, definition FROM pg_views WHERE schemaname = 'gov'
            UNION ALL
            SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = 'gov' AND indexdef LIKE '% WHERE %'
            """, connection);
        var rows = new List<(string, string?, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>The table an alias stands for in a view (<c>FROM int_cases c</c>), the table itself, or an index's table.</summary>
    private static string Table(string sql, string alias, string? indexTable)
    {
        if (alias.Length == 0)
        {
            return indexTable ?? throw new InvalidOperationException("an unqualified column in a view: " + sql);
        }

        var aliased = Regex.Match(sql, $@"(?:FROM|JOIN)\s+\(?(?:gov\.)?(\w+)\s+{Regex.Escape(alias)}\b");
        return aliased.Success ? aliased.Groups[1].Value : alias;
    }

    /// <summary>A quoted word in a comparison with the action column, as PostgreSQL prints it: <c>'Accepted'::character varying</c> or <c>'Accepted'::text</c>.</summary>
    [GeneratedRegex(@"'(\w+)'::(?:character varying|text)")]
    private static partial Regex ActionLiteral();

    [GeneratedRegex("""(?:\b(?<alias>\w+)\.)?"?\b(?<column>[a-z_]+)"?\)?\s(?<op>=|<>|<=|>=|<|>)\s(?:(?<quantifier>ANY|ALL)\s\(ARRAY\[(?<list>[\d,\s]+)\]\)|(?<number>\d+)\b)""")]
    private static partial Regex Comparison();
}
