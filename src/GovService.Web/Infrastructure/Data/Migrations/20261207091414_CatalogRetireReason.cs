using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogRetireReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "retire_reason",
                schema: "gov",
                table: "cat_item_versions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retired_by",
                schema: "gov",
                table: "cat_item_versions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "retire_reason",
                schema: "gov",
                table: "cat_item_versions");

            migrationBuilder.DropColumn(
                name: "retired_by",
                schema: "gov",
                table: "cat_item_versions");
        }
    }
}
