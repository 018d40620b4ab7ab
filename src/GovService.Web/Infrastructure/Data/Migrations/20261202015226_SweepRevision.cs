using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SweepRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sup_sweep_state",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    swept_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sup_sweep_state", x => x.id);
                });

            migrationBuilder.InsertData(
                schema: "gov",
                table: "sup_sweep_state",
                columns: new[] { "id", "revision", "swept_at" },
                values: new object[] { 1, 0L, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sup_sweep_state",
                schema: "gov");
        }
    }
}
