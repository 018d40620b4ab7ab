using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenClockSegmentsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_apr_clock_segments_open",
                schema: "gov",
                table: "apr_clock_segments",
                column: "case_id",
                filter: "\"to\" IS NULL AND state = 1 AND kind <> 4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_apr_clock_segments_open",
                schema: "gov",
                table: "apr_clock_segments");
        }
    }
}
