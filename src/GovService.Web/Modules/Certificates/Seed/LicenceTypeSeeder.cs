using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Certificates.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Seed;

/// <summary>
/// Result templates of the demo county's licence-issuing items. The type codes follow the GB/T 36902 shape
/// (the defining authority's 18-character credit code and a 3-digit sequence); they are demonstration
/// values, to be replaced by the province's licence catalogue. 食品经营许可证 numbers follow their published format
/// (<see cref="FoodBusinessLicenceNumber"/>); the others have none the platform knows of and keep prefix + year + serial.
/// </summary>
internal sealed class LicenceTypeSeeder(GovDbContext db) : ISeeder
{
    public int Order => 46;

    /// <summary>食品经营许可（新办）, （延续） and （变更）.</summary>
    private static readonly string[] FoodBusinessItems = ["000104004000", "000104004001", "000104004002"];

    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.Demo || await db.Set<LicenceType>().AnyAsync(cancellationToken))
        {
            return;
        }

        // 食品经营许可: 新办, 延续 and 变更 issue the same licence, to the operator, for one 经营场所.
        db.AddRange(FoodBusinessItems.Select(code => new LicenceType
        {
            BasicCode = code, Name = "食品经营许可证", TypeCode = "11100000MB0143530K003", NumberPrefix = FoodBusinessLicenceNumber.Prefix,
            NumberFormat = LicenceNumberFormat.FoodBusiness, ValidityYears = 5, HolderNameField = "operator_name", HolderCodeField = "operator_code",
            FaceFields = ["operating_address=经营场所", "business_format=主体业态", "operating_items=经营项目"],
        }));
        db.AddRange(
            new LicenceType { BasicCode = "000104001000", Name = "营业执照（个体工商户）", TypeCode = "11100000MB0143530K001", NumberPrefix = "GT", ValidityYears = 0, FaceFields = ["business_name=名称", "organization_form=组成形式", "operating_address=经营场所", "business_scope=经营范围"] },
            new LicenceType { BasicCode = "000103001000", Name = "公共场所卫生许可证", TypeCode = "11100000MB0320148U002", NumberPrefix = "WS", ValidityYears = 4, FaceFields = ["venue_type=场所类别", "venue_area=营业面积（平方米）"] },
            new LicenceType { BasicCode = "000108002000", Name = "户外广告设施设置许可决定书", TypeCode = "11100000000019713D021", NumberPrefix = "HG", ValidityYears = 1, FaceFields = ["sign_type=设施类型", "sign_size=规格（长×宽，米）", "sign_address=设置地点"] });
        await db.SaveChangesAsync(cancellationToken);
    }
}
