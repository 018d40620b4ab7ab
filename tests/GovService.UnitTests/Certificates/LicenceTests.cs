using System.Security.Cryptography;
using GovService.Web.Modules.Certificates.Domain;
using Microsoft.Extensions.Options;

namespace GovService.UnitTests.Certificates;

public sealed class LicenceIdentifierTests
{
    [Theory]
    [InlineData("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")]
    [InlineData("1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9")]
    public void The_published_examples_check(string identifier) => Assert.True(LicenceIdentifier.IsValid(identifier));

    [Fact]
    public void A_created_identifier_has_the_root_and_checks()
    {
        var id = LicenceIdentifier.Create("11100000MB0143530K003", "11361131014253041T", "20260000001", 1);

        Assert.StartsWith("1.2.156.3005.2.11100000MB0143530K003.11361131014253041T.20260000001.001.", id, StringComparison.Ordinal);
        Assert.True(LicenceIdentifier.IsValid(id));
    }

    [Fact]
    public void Any_single_changed_character_is_caught()
    {
        var id = LicenceIdentifier.Create("11100000MB0143530K003", "11361131014253041T", "20260000001", 1);
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var prefix = LicenceIdentifier.Root.Length + 1;
        for (var i = prefix; i < id.Length; i++)
        {
            if (id[i] == '.')
            {
                continue;
            }

            foreach (var replacement in alphabet.Where(c => c != id[i]))
            {
                Assert.False(LicenceIdentifier.IsValid(string.Concat(id.AsSpan(0, i), replacement.ToString(), id.AsSpan(i + 1))));
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.2.156.3005.2.ABC")]
    [InlineData("1.2.156.3005.3.11100000000013338W011.11430000006122244L.20230000403.001.U")]
    public void Malformed_identifiers_are_not_valid(string? identifier) => Assert.False(LicenceIdentifier.IsValid(identifier));
}

public sealed class LicenceSignatureTests
{
    private static LicenceSigner Signer()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new LicenceSigner(Options.Create(new SigningOptions { KeyPem = key.ExportPkcs8PrivateKeyPem() }));
    }

    private static Licence Sample() => new()
    {
        Identifier = LicenceIdentifier.Create("11100000MB0143530K003", "11361131014253041T", "20260000001", 1),
        Name = "食品经营许可证",
        TypeCode = "11100000MB0143530K003",
        Number = "JY320260000001",
        IssuerName = "云溪县市场监督管理局",
        IssuerCode = "11361131014253041T",
        IssuedOn = new DateOnly(2026, 12, 1),
        HolderName = "张伟",
        HolderCode = "361131198506120026",
        ValidFrom = new DateOnly(2026, 12, 1),
        ValidUntil = new DateOnly(2031, 11, 30),
        FaceData = new() { ["主体业态"] = "餐饮服务经营者", ["经营项目"] = "热食类食品制售" },
        VerificationCode = "K7M2Q9XD",
        HolderSalt = [.. Enumerable.Range(1, 16).Select(i => (byte)i)],
    };

    [Fact]
    public void A_licence_verifies_offline_with_the_published_key_alone()
    {
        using var signer = Signer();
        var licence = Sample();
        licence.Signature = signer.Sign(licence);

        Assert.True(LicenceSigner.Verify(signer.PublicKeyPem, licence));
    }

    [Fact]
    public void One_changed_byte_anywhere_fails()
    {
        using var signer = Signer();
        var licence = Sample();
        licence.Signature = signer.Sign(licence);

        licence.FaceData["经营项目"] = "热食类食品制售、冷食类食品制售";
        Assert.False(LicenceSigner.Verify(signer.PublicKeyPem, licence));

        var holder = Sample();
        holder.Signature = licence.Signature;
        holder.HolderCode = "361131198506120027";
        Assert.False(LicenceSigner.Verify(signer.PublicKeyPem, holder));

        var signature = Convert.FromBase64String(signer.Sign(Sample()));
        signature[10] ^= 0x01;
        var flipped = Sample();
        flipped.Signature = Convert.ToBase64String(signature);
        Assert.False(LicenceSigner.Verify(signer.PublicKeyPem, flipped));
    }

    [Fact]
    public void Another_key_does_not_verify()
    {
        using var signer = Signer();
        using var other = Signer();
        var licence = Sample();
        licence.Signature = signer.Sign(licence);

        Assert.False(LicenceSigner.Verify(other.PublicKeyPem, licence));
    }

    [Fact]
    public void The_published_form_masks_the_holder_in_the_signed_bytes_and_still_binds_the_full_holder()
    {
        using var signer = Signer();
        var licence = Sample();
        licence.Signature = signer.Sign(licence);
        var canonical = System.Text.Encoding.UTF8.GetString(LicenceCanonicalForm.Of(licence));

        Assert.Contains("\"holder\":\"张*\"", canonical, StringComparison.Ordinal);
        Assert.Contains("\"holderCode\":\"361131********0026\"", canonical, StringComparison.Ordinal);
        Assert.Contains("\"form\":2", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("361131198506120026", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("张伟", canonical, StringComparison.Ordinal);

        // 张三 masks like 张伟, and an ID with the same first six and last four digits masks alike: the salted digest tells them apart.
        var renamed = Sample();
        renamed.Signature = licence.Signature;
        renamed.HolderName = "张三";
        Assert.False(LicenceSigner.Verify(signer.PublicKeyPem, renamed));
        var reborn = Sample();
        reborn.Signature = licence.Signature;
        reborn.HolderCode = "361131199006120026";
        Assert.False(LicenceSigner.Verify(signer.PublicKeyPem, reborn));

        // Without the salt, which is never published, the digest is not the holder's hash.
        Assert.NotEqual(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("111\n361131198506120026\n张伟\n"))), LicenceCanonicalForm.HolderDigest(licence));
    }

    [Fact]
    public void A_licence_of_the_first_form_still_verifies_over_the_form_it_was_signed_in()
    {
        using var signer = Signer();
        var licence = Sample();
        licence.SignedForm = 1;
        licence.Signature = signer.Sign(licence);

        Assert.Contains("361131198506120026", System.Text.Encoding.UTF8.GetString(LicenceCanonicalForm.Of(licence)), StringComparison.Ordinal);
        Assert.True(LicenceSigner.Verify(signer.PublicKeyPem, licence));
        licence.SignedForm = LicenceCanonicalForm.Current;
        Assert.False(LicenceSigner.Verify(signer.PublicKeyPem, licence));
    }
}

public sealed class LicenceVerificationCodeTests
{
    [Fact]
    public void New_codes_are_eight_characters_of_the_unambiguous_alphabet_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => LicenceVerificationCode.New()).ToList();

        Assert.All(codes, code => Assert.Matches("^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$", code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("K7M2Q9XD", "K7M2Q9XD")]
    [InlineData("k7m2-q9xd", "K7M2Q9XD")]
    [InlineData(" K7M2 Q9XD ", "K7M2Q9XD")]
    [InlineData("K7M2Q9XO", "K7M2Q9X0")] // O read as zero
    [InlineData("K7M2Q9XI", "K7M2Q9X1")] // I read as one
    [InlineData("K7M2Q9X", null)]
    [InlineData("K7M2Q9XDD", null)]
    [InlineData("K7M2Q9XU", null)]
    [InlineData("<script>", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_typed_code_is_read_as_from_paper(string? typed, string? code) => Assert.Equal(code, LicenceVerificationCode.Normalize(typed));
}
