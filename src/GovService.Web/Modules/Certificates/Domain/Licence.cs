using GovService.Web.Infrastructure.Auditing;

namespace GovService.Web.Modules.Certificates.Domain;

public enum LicenceState
{
    Valid = 1,
    Revoked = 2,
    Expired = 3,

    /// <summary>Replaced by a renewal or a change (the new licence links back to it).</summary>
    Superseded = 4,
}

/// <summary>
/// An e-licence (电子证照) with the GB/T 36903-practice metadata, issued when a case is approved and signed
/// by the platform over its canonical form. Its state is not part of the signature: revocation and expiry
/// are told by the verification service, the signature proves the contents.
/// </summary>
public sealed class Licence : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>证照标识 (unique, with its ISO 7064 check character).</summary>
    public string Identifier { get; set; } = "";
    public string Name { get; set; } = "";
    public string TypeCode { get; set; } = "";

    /// <summary>证照编号 as printed, e.g. JY33611310000123.</summary>
    public string Number { get; set; } = "";
    public string IssuerName { get; set; } = "";
    public string IssuerCode { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public string HolderName { get; set; } = "";
    public string HolderCode { get; set; } = "";

    /// <summary>111 公民身份号码 or 001 统一社会信用代码.</summary>
    public string HolderCodeType { get; set; } = "111";
    public Guid? HolderUserId { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public Dictionary<string, string> FaceData { get; set; } = [];
    public Guid? CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public Guid? HallId { get; set; }
    public Guid? PreviousLicenceId { get; set; }
    public LicenceState State { get; set; } = LicenceState.Valid;
    public DateTimeOffset? RevokedAt { get; set; }
    public string RevokeReason { get; set; } = "";

    /// <summary>核验码 (<see cref="LicenceVerificationCode"/>): printed on the licence, in its QR link, asked by public verification.</summary>
    public string VerificationCode { get; set; } = "";

    /// <summary>What the QR code opens: the verify page with the identifier and the 核验码, which public verification asks for.</summary>
    public string VerifyUrl(string siteRoot) => $"{siteRoot}/verify/{Identifier}?code={VerificationCode}";

    /// <summary>16 random bytes, never published: the salt of the holder digest in the signed form (<see cref="LicenceCanonicalForm"/>).</summary>
    public byte[] HolderSalt { get; set; } = [];

    /// <summary>Which canonical form <see cref="Signature"/> is over (<see cref="LicenceCanonicalForm.Current"/> for every licence issued or re-signed now).</summary>
    public int SignedForm { get; set; } = LicenceCanonicalForm.Current;

    /// <summary>Base64 ECDSA P-256 / SHA-256 signature (IEEE P1363) over <see cref="LicenceCanonicalForm"/>.</summary>
    public string Signature { get; set; } = "";
    public string KeyId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public uint RowVersion { get; set; }

    /// <summary>吊销, with the reason; verification says revoked at once. Only a valid licence can be revoked.</summary>
    public void Revoke(string reason, DateTimeOffset at)
    {
        if (State != LicenceState.Valid)
        {
            throw new InvalidOperationException($"Licence {Identifier} is {State}; only a valid licence can be revoked.");
        }

        State = LicenceState.Revoked;
        RevokedAt = at.ToUniversalTime();
        RevokeReason = reason.Trim();
    }
}
