using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LicenceVerificationCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "holder_salt",
                schema: "gov",
                table: "crt_licences",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<int>(
                name: "signed_form",
                schema: "gov",
                table: "crt_licences",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "verification_code",
                schema: "gov",
                table: "crt_licences",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            // Licences issued before this migration: signed form 1 (the column default above), and a 核验码 and a holder
            // salt of their own. Both from gen_random_uuid(), PostgreSQL's strong random source (random() is not one):
            // the code takes eight of a v4 UUID's fully random bytes (0-5, 10, 11; byte 6 and 8 carry the version and
            // variant), each modulo 32 (exact, 256 being a multiple of 32); the salt a whole UUID's 16 bytes (122 random
            // bits). The subquery names the row so it runs once per licence, not once for all. The start-up upgrade
            // (LicenceFormUpgrade) then signs each genuine licence again over form 2, which uses the salt.
            migrationBuilder.Sql("""
                UPDATE gov.crt_licences l SET
                    holder_salt = decode(replace(gen_random_uuid()::text, '-', ''), 'hex'),
                    verification_code = (
                        SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', get_byte(u.bytes, p.at) % 32 + 1, 1), '' ORDER BY p.n)
                        FROM (SELECT decode(replace(gen_random_uuid()::text, '-', ''), 'hex') AS bytes WHERE l.id IS NOT NULL) u,
                             unnest(ARRAY[0, 1, 2, 3, 4, 5, 10, 11]) WITH ORDINALITY AS p(at, n));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "holder_salt",
                schema: "gov",
                table: "crt_licences");

            migrationBuilder.DropColumn(
                name: "signed_form",
                schema: "gov",
                table: "crt_licences");

            migrationBuilder.DropColumn(
                name: "verification_code",
                schema: "gov",
                table: "crt_licences");
        }
    }
}
