namespace GovService.Web.Modules.Supervision.Domain;

/// <summary>
/// Supervision work addressed to a department, or, when no department holds the case, to the hall: supervision
/// orders, rectification orders, complaints. Who sees it: <see cref="Dashboard.SupervisionViewer"/>.
/// </summary>
public interface IAddressedToOffice
{
    Guid? DepartmentId { get; }

    Guid? HallId { get; }
}

/// <summary>Addressed work the office answers once in writing: a 督办单 or a 投诉 (answering: <see cref="Answering.AnswerAddressedWork"/>).</summary>
public interface IAnswerable : IAddressedToOffice
{
    /// <summary>Still waiting for the office's answer.</summary>
    bool AwaitsAnswer { get; }

    /// <summary>Records the answer; refuses (<see cref="InvalidOperationException"/>) when the work no longer <see cref="AwaitsAnswer"/>.</summary>
    void RecordAnswer(string text, string byName, DateTimeOffset at);
}
