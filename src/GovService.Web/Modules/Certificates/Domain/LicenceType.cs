namespace GovService.Web.Modules.Certificates.Domain;

/// <summary>How a licence type numbers its licences (证照编号).</summary>
public enum LicenceNumberFormat
{
    /// <summary>The type's prefix, the year and a 7-digit serial of the year, e.g. GT20260000012 (no published format).</summary>
    PrefixYearSerial = 1,

    /// <summary>食品经营许可证: JY, the 主体业态 digit, the 6-digit county code, a 6-digit serial and a check digit (<see cref="FoodBusinessLicenceNumber"/>).</summary>
    FoodBusiness = 2,
}

/// <summary>
/// The result template of a catalog item (证照目录): which licence an approval issues, its type code, numbering and
/// validity, who the licence is issued to, and which answers of the application are printed on its face. Items that
/// issue the same licence (新办, 延续, 变更 of 食品经营许可) have a template each, with the same type code.
/// </summary>
public sealed class LicenceType
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string BasicCode { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>证照类型代码: the defining authority's 18-character code and a 3-digit sequence.</summary>
    public string TypeCode { get; set; } = "";
    public string NumberPrefix { get; set; } = "";
    public LicenceNumberFormat NumberFormat { get; set; } = LicenceNumberFormat.PrefixYearSerial;

    /// <summary>Years of validity; 0 for a licence without an end date (长期).</summary>
    public int ValidityYears { get; set; }

    /// <summary>
    /// The application fields naming the licensed operator (经营者名称 and its 统一社会信用代码 or ID number): when both
    /// are answered the licence is issued to the operator, else to the applicant. Empty: always to the applicant.
    /// </summary>
    public string HolderNameField { get; set; } = "";
    public string HolderCodeField { get; set; } = "";

    /// <summary>Application field keys printed on the licence, with their labels ("key=label"), in order.</summary>
    public string[] FaceFields { get; set; } = [];
}

/// <summary>
/// The last serial drawn per licence type and series (流水号), advanced atomically. The series is the year for
/// numbers that restart each year (<see cref="LicenceNumberFormat.PrefixYearSerial"/>) and the county code for 食品经营许可证
/// numbers, whose serial runs on within the county.
/// </summary>
public sealed class LicenceSerial
{
    public string TypeCode { get; set; } = "";
    public string Series { get; set; } = "";
    public int Last { get; set; }
}
