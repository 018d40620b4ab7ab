using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicPageCache : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ops_content_revision",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ops_content_revision", x => x.id);
                });

            migrationBuilder.InsertData(
                schema: "gov",
                table: "ops_content_revision",
                columns: new[] { "id", "stamp" },
                values: new object[] { 1, new Guid("00000000-0000-0000-0000-000000000001") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ops_content_revision",
                schema: "gov");
        }
    }
}
