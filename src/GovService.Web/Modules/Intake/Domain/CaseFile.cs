using System.Security.Cryptography;
using GovService.Web.Infrastructure.Auditing;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>
/// A file the applicant uploaded for one material of a case (a scan or a photo: PDF, JPEG or PNG, at most
/// 10 MB), kept in the database with its SHA-256. A newer upload for the same material replaces it for the
/// checklist; the older one stays for the record. Served only to the applicant and the staff handling the case.
/// </summary>
public sealed class CaseFile : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }

    /// <summary>The material's position in the item's list.</summary>
    public int Position { get; set; }
    public string MaterialName { get; set; } = "";
    /// <summary>The uploader's name made safe to show and serve (<see cref="Shared.Files.StoredFileName"/>).</summary>
    public string FileName { get; set; } = "";

    public const int FileNameMaxLength = 255;
    public string ContentType { get; set; } = "";
    public long Length { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public Guid? UploadedByUserId { get; set; }

    /// <summary>Set when a newer upload for the same material took its place.</summary>
    public DateTimeOffset? ReplacedAt { get; set; }

    public static CaseFile From(Guid caseId, int position, string materialName, string fileName, string contentType, byte[] content, DateTimeOffset at, Guid? userId) => new()
    {
        CaseId = caseId,
        Position = position,
        MaterialName = materialName,
        FileName = fileName,
        ContentType = contentType,
        Length = content.Length,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        Content = content,
        UploadedAt = at.ToUniversalTime(),
        UploadedByUserId = userId,
    };
}

/// <summary>What a list shows of an upload, without its content.</summary>
public sealed record CaseFileInfo(Guid Id, int Position, string MaterialName, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt);
