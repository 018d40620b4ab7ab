using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Certificates.Contracts;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Issuing;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Hall.SelfService;

/// <summary>A code was sent (the token for the next form, the mobile's last four digits) or why not (for the ID number field).</summary>
public sealed record CodeSent(string? Token, string? MobileTail, string? Error);

/// <summary>
/// The code was checked: the wallet's token and its licences; or the error for the code field, with
/// <see cref="StartAgain"/> when the code can no longer be tried (used, expired, too many tries, a stale token).
/// </summary>
public sealed record CodeChecked(string? WalletToken, IReadOnlyList<PrintableLicence> Licences, string? Error, bool StartAgain);

/// <summary>
/// 打印证照 at the kiosk, without a session: the citizen types their ID number, a six-digit code goes by text message to
/// the mobile of their account (one per ID number per <c>KioskCodeResendSeconds</c>), and the right code within
/// <c>KioskCodeMinutes</c> and <c>KioskCodeTries</c> opens their valid licences for <c>KioskWalletMinutes</c> at this hall.
/// </summary>
public sealed class KioskWallet(
    GovDbContext db,
    ICitizenDirectory citizens,
    ILicencePrinting licences,
    INotifications notifications,
    KioskTokens tokens,
    TimeProvider clock,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> l,
    ILogger<KioskWallet> logger)
{
    /// <summary>The advisory-lock class of one account's kiosk codes: two kiosks asking at once send one.</summary>
    private const int CodeLock = 0x0A81;

    private HallOptions Settings => options.Value;

    public async Task<CodeSent> SendCodeAsync(Guid hallId, string hallName, string? idNumber, CancellationToken ct)
    {
        var id = ChineseIdNumber.Normalize(idNumber ?? "");
        var problem = ChineseIdNumber.Check(id, clock.Today());
        if (problem != IdNumberProblem.None)
        {
            return new CodeSent(null, null, l[$"IdNumber.{problem}"]);
        }

        if (await citizens.FindByIdNumberAsync(id, ct) is not { Mobile: { Length: > 0 } mobile } citizen)
        {
            return new CodeSent(null, null, l["Hall.Kiosk.NoAccount"]);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var key = citizen.UserId.ToString("N");
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CodeLock}, hashtext({key}))", ct);
        var last = await db.Set<KioskCode>().Where(c => c.UserId == citizen.UserId).MaxAsync(c => (DateTimeOffset?)c.SentAt, ct);
        var wait = last is { } sent ? (int)Math.Ceiling((sent.AddSeconds(Settings.KioskCodeResendSeconds) - now).TotalSeconds) : 0;
        if (wait > 0)
        {
            return new CodeSent(null, null, l["Hall.Kiosk.WaitToResend", wait]);
        }

        var code = KioskCode.NewCode();
        var challenge = new KioskCode { HallId = hallId, UserId = citizen.UserId, SentAt = now, ExpiresAt = now.AddMinutes(Settings.KioskCodeMinutes) };
        challenge.CodeHash = challenge.Hash(code);
        db.Add(challenge);
        await db.SaveChangesAsync(ct);
        // The code goes by text message only: the inbox is read where one is signed in, which a kiosk never is.
        await notifications.PostAsync(
            [new Notice($"hall:kiosk-code:{challenge.Id}", null, mobile, "", "", "", l["Hall.Kiosk.CodeText", hallName, code, Settings.KioskCodeMinutes].Value)], ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Kiosk code {CodeId} sent for account {UserId} at hall {HallId}", challenge.Id, citizen.UserId, hallId);
        return new CodeSent(tokens.Issue(KioskStep.EnterCode, hallId, TimeSpan.FromMinutes(Settings.KioskCodeMinutes), challenge.Id), mobile.Length > 4 ? mobile[^4..] : mobile, null);
    }

    public async Task<CodeChecked> CheckCodeAsync(Guid hallId, string? token, string? code, CancellationToken ct)
    {
        if (tokens.Read(KioskStep.EnterCode, hallId, token) is not [var challengeId])
        {
            return Again("Hall.Kiosk.StartAgain");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locked: two posts of the same code form count as two tries and cannot both use it.
        var challenge = await db.Set<KioskCode>().FromSql($"SELECT * FROM gov.hal_kiosk_codes WHERE id = {challengeId} AND hall_id = {hallId} FOR UPDATE").SingleOrDefaultAsync(ct);
        var state = challenge?.StateAt(now, Settings.KioskCodeTries);
        if (challenge is null || state != KioskCodeState.Open)
        {
            return Again(state switch
            {
                KioskCodeState.Used => "Hall.Kiosk.CodeUsed",
                KioskCodeState.Expired => "Hall.Kiosk.CodeExpired",
                KioskCodeState.TooManyTries => "Hall.Kiosk.CodeTooManyTries",
                _ => "Hall.Kiosk.StartAgain",
            });
        }

        var right = challenge.Try(code, now, Settings.KioskCodeTries);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (!right)
        {
            var left = Settings.KioskCodeTries - challenge.Tries;
            logger.LogInformation("Kiosk code {CodeId} mistyped ({Left} tries left)", challenge.Id, left);
            return left > 0 ? new CodeChecked(null, [], l["Hall.Kiosk.CodeWrong", left], false) : Again("Hall.Kiosk.CodeTooManyTries");
        }

        var wallet = tokens.Issue(KioskStep.Wallet, hallId, TimeSpan.FromMinutes(Settings.KioskWalletMinutes), challenge.UserId);
        return new CodeChecked(wallet, await licences.ValidOfHolderAsync(challenge.UserId, ct), null, false);
    }

    /// <summary>The wallet again (back from a print page), while its token lasts.</summary>
    public async Task<CodeChecked> WalletAsync(Guid hallId, string? walletToken, CancellationToken ct) =>
        tokens.Read(KioskStep.Wallet, hallId, walletToken) is [var holder]
            ? new CodeChecked(walletToken, await licences.ValidOfHolderAsync(holder, ct), null, false)
            : Again("Hall.Kiosk.StartAgain");

    /// <summary>The print page's token for one licence of the wallet: null unless the wallet token holds and the licence is the holder's and valid.</summary>
    public async Task<string?> PrintTokenAsync(Guid hallId, string? walletToken, Guid licenceId, CancellationToken ct) =>
        tokens.Read(KioskStep.Wallet, hallId, walletToken) is [var holder] && (await licences.ValidOfHolderAsync(holder, ct)).Any(x => x.Id == licenceId)
            ? tokens.Issue(KioskStep.Print, hallId, TimeSpan.FromMinutes(Settings.KioskWalletMinutes), licenceId, holder)
            : null;

    /// <summary>The licence's PDF for the print page's frame; null when the token does not name this licence at this hall any more.</summary>
    public async Task<byte[]?> PdfAsync(Guid hallId, Guid licenceId, string? printToken, string siteRoot, CancellationToken ct) =>
        tokens.Read(KioskStep.Print, hallId, printToken, subjects: 2) is [var licence, var holder] && licence == licenceId
            ? await licences.PdfAsync(licenceId, holder, siteRoot, ct)
            : null;

    private CodeChecked Again(string key) => new(null, [], l[key], true);
}
