using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class HallQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hal_ticket_counters",
                schema: "gov",
                columns: table => new
                {
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hal_ticket_counters", x => new { x.hall_id, x.day, x.category });
                });

            migrationBuilder.CreateTable(
                name: "hal_tickets",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    person_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    item_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_called_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    called_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    calls = table.Column<int>(type: "integer", nullable: false),
                    window_id = table.Column<Guid>(type: "uuid", nullable: true),
                    window_number = table.Column<int>(type: "integer", nullable: true),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    staff_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    absent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    requeued = table.Column<bool>(type: "boolean", nullable: false),
                    transfers = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rating = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hal_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hal_window_devices",
                schema: "gov",
                columns: table => new
                {
                    window_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    window_number = table.Column<int>(type: "integer", nullable: false),
                    key_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    paired_by_staff_id = table.Column<Guid>(type: "uuid", nullable: false),
                    paired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hal_window_devices", x => x.window_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hal_tickets_case_id",
                schema: "gov",
                table: "hal_tickets",
                column: "case_id",
                unique: true,
                filter: "case_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_hal_tickets_hall_id_day_category_sequence",
                schema: "gov",
                table: "hal_tickets",
                columns: new[] { "hall_id", "day", "category", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hal_tickets_queue",
                schema: "gov",
                table: "hal_tickets",
                columns: new[] { "hall_id", "day", "category", "rank", "queued_at", "sequence" },
                filter: "state = 1");

            migrationBuilder.CreateIndex(
                name: "ux_hal_tickets_window_active",
                schema: "gov",
                table: "hal_tickets",
                column: "window_id",
                unique: true,
                filter: "state IN (2, 3)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hal_ticket_counters",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "hal_tickets",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "hal_window_devices",
                schema: "gov");
        }
    }
}
