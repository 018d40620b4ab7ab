using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseDaysRefreshedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_sup_case_days_refreshed_at",
                schema: "gov",
                table: "sup_case_days",
                column: "refreshed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sup_case_days_refreshed_at",
                schema: "gov",
                table: "sup_case_days");
        }
    }
}
