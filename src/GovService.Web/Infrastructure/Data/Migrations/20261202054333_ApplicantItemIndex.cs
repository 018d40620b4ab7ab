using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicantItemIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_int_cases_applicant_user_id",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.CreateIndex(
                name: "ix_int_cases_applicant_user_id_basic_code_created_at",
                schema: "gov",
                table: "int_cases",
                columns: new[] { "applicant_user_id", "basic_code", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_int_cases_applicant_user_id_basic_code_created_at",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.CreateIndex(
                name: "ix_int_cases_applicant_user_id",
                schema: "gov",
                table: "int_cases",
                column: "applicant_user_id");
        }
    }
}
