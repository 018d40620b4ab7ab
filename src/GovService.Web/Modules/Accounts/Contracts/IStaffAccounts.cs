namespace GovService.Web.Modules.Accounts.Contracts;

public sealed record NewStaffAccount(string UserName, string RealName, string? Mobile, string Role, string Password);

/// <summary>Code is Identity's error code (DuplicateUserName, PasswordTooShort …).</summary>
public sealed record AccountError(string Code, string Message)
{
    public bool IsAboutUserName => Code.Contains("UserName", StringComparison.Ordinal);
}

public sealed record StaffAccountResult(Guid? UserId, IReadOnlyList<AccountError> Errors)
{
    public bool Succeeded => UserId is not null;
}

public sealed record AccountSummary(Guid UserId, string UserName, string RealName, IReadOnlyList<string> Roles, bool IsLockedOut);

/// <summary>What other modules may do with logins: create staff accounts, look them up, lock them.</summary>
public interface IStaffAccounts
{
    Task<StaffAccountResult> CreateAsync(NewStaffAccount account, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<Guid, AccountSummary>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    Task SetLockedAsync(Guid userId, bool locked, CancellationToken cancellationToken = default);
}

public sealed record CitizenInfo(Guid UserId, string RealName, string IdNumber, string? Mobile);

/// <summary>What other modules may know of citizens: looked up by ID number, for intake and demo data.</summary>
public interface ICitizenDirectory
{
    Task<CitizenInfo?> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken = default);

    Task<CitizenInfo?> FindByUserIdAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers a walk-in applicant at the window (name, checked ID number, mobile) without a password; they
    /// set one later on the registration page with the same ID number, name and mobile. Null when the mobile
    /// belongs to another account.
    /// </summary>
    Task<CitizenInfo?> RegisterAtWindowAsync(string realName, string idNumber, string mobile, CancellationToken cancellationToken = default);
}

/// <summary>
/// The language each person is written to in (<see cref="Shared.Localization.Cultures"/>): kept with the account, because
/// a notice is posted while someone else's request runs (a clerk's, a reviewer's, a job's).
/// </summary>
public interface IAccountLanguages
{
    /// <summary>The preferred language of each of these accounts that exists.</summary>
    Task<IReadOnlyDictionary<Guid, string>> OfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>Remembers the language a signed-in person has just chosen.</summary>
    Task RememberAsync(Guid userId, string culture, CancellationToken cancellationToken = default);
}
