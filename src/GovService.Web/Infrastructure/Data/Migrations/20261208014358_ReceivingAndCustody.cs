using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReceivingAndCustody : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "collecting_hall_id",
                schema: "gov",
                table: "int_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "receiving_places",
                schema: "gov",
                table: "cat_item_versions",
                type: "integer",
                nullable: false,
                // Every item published before may be received at any hall, as before (ReceivingPlaces.All).
                defaultValue: 7);

            migrationBuilder.CreateTable(
                name: "int_custody",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    contents = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    from_hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    to_hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    carrier = table.Column<int>(type: "integer", nullable: true),
                    tracking = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_int_custody", x => x.id);
                    table.ForeignKey(
                        name: "fk_int_custody_int_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "gov",
                        principalTable: "int_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "int_custody_moves",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    parcel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_int_custody_moves", x => x.id);
                    table.ForeignKey(
                        name: "fk_int_custody_moves_int_custody_parcel_id",
                        column: x => x.parcel_id,
                        principalSchema: "gov",
                        principalTable: "int_custody",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_int_custody_case_id_kind",
                schema: "gov",
                table: "int_custody",
                columns: new[] { "case_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_int_custody_from_hall_id_state",
                schema: "gov",
                table: "int_custody",
                columns: new[] { "from_hall_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_int_custody_to_department_id_state",
                schema: "gov",
                table: "int_custody",
                columns: new[] { "to_department_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_int_custody_to_hall_id_state",
                schema: "gov",
                table: "int_custody",
                columns: new[] { "to_hall_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_int_custody_moves_parcel_id_at",
                schema: "gov",
                table: "int_custody_moves",
                columns: new[] { "parcel_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "int_custody_moves",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "int_custody",
                schema: "gov");

            migrationBuilder.DropColumn(
                name: "collecting_hall_id",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "receiving_places",
                schema: "gov",
                table: "cat_item_versions");
        }
    }
}
