using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class HallDashboardTemporaryWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                schema: "gov",
                table: "org_hall_windows",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "temporary_day",
                schema: "gov",
                table: "org_hall_windows",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hal_crowd_alerts",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    waiting = table.Column<int>(type: "integer", nullable: false),
                    window_id = table.Column<Guid>(type: "uuid", nullable: true),
                    window_number = table.Column<int>(type: "integer", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cleared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hal_crowd_alerts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hal_crowd_alerts_hall_id_day",
                schema: "gov",
                table: "hal_crowd_alerts",
                columns: new[] { "hall_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ux_hal_crowd_alerts_open",
                schema: "gov",
                table: "hal_crowd_alerts",
                columns: new[] { "hall_id", "category" },
                unique: true,
                filter: "cleared_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hal_crowd_alerts",
                schema: "gov");

            migrationBuilder.DropColumn(
                name: "closed_at",
                schema: "gov",
                table: "org_hall_windows");

            migrationBuilder.DropColumn(
                name: "temporary_day",
                schema: "gov",
                table: "org_hall_windows");
        }
    }
}
