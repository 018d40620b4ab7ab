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
}
