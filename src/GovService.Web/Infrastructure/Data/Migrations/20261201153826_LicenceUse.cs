using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LicenceUse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crt_licence_uses",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    licence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    staff_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    office = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crt_licence_uses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "int_case_licence_refs",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    material_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    licence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    licence_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    licence_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_int_case_licence_refs", x => x.id);
                    table.ForeignKey(
                        name: "fk_int_case_licence_refs_int_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "gov",
                        principalTable: "int_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_crt_licence_uses_licence_id",
                schema: "gov",
                table: "crt_licence_uses",
                column: "licence_id");

            migrationBuilder.CreateIndex(
                name: "ix_int_case_licence_refs_case_id_position",
                schema: "gov",
                table: "int_case_licence_refs",
                columns: new[] { "case_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_int_case_licence_refs_licence_id",
                schema: "gov",
                table: "int_case_licence_refs",
                column: "licence_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crt_licence_uses",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "int_case_licence_refs",
                schema: "gov");
        }
    }
}
