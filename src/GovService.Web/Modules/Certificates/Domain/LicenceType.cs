namespace GovService.Web.Modules.Certificates.Domain;

/// <summary>
/// The result template of a catalog item (证照目录): which licence an approval issues, its type code, number
/// prefix and validity, and which answers of the application are printed on its face.
/// </summary>
public sealed class LicenceType
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string BasicCode { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>证照类型代码: the defining authority's 18-character code and a 3-digit sequence.</summary>
    public string TypeCode { get; set; } = "";
    public string NumberPrefix { get; set; } = "";

    /// <summary>Years of validity; 0 for a licence without an end date (长期).</summary>
    public int ValidityYears { get; set; }

    /// <summary>Application field keys printed on the licence, with their labels ("key=label"), in order.</summary>
    public string[] FaceFields { get; set; } = [];
}

/// <summary>The last serial drawn per licence type and year (流水号), advanced atomically.</summary>
public sealed class LicenceSerial
{
    public string TypeCode { get; set; } = "";
    public int Year { get; set; }
    public int Last { get; set; }
}
