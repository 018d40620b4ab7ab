using System.Globalization;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Shared.Identity;
using GovService.Web.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>A notice as the applicant reads it: inbox title and body, and the text message (without the signature).</summary>
public sealed record ToldMessage(string Title, string Body, string Sms);

/// <summary>
/// The words of <see cref="ApplicantNotices"/>: what the applicant reads of each step they are told of, in the
/// language asked for, whatever the language of the request that runs (resource keys <c>ApplicantNotice.{Name}.*</c>,
/// some shared with older notices). A text message stays within one message (<see cref="TextMessages.MaxLength"/>
/// with the signature); each template is measured with the longest realistic values (ApplicantNoticeWordsTests).
/// </summary>
public sealed class ApplicantNoticeWords(IStringLocalizer<SharedResource> l)
{
    /// <summary>What the applicant reads of a step, in <paramref name="culture"/>: the inbox's title and body and the text message.</summary>
    public ToldMessage Render(Case c, CaseStep step, string hall, string culture)
    {
        using var scope = CultureScope.Of(culture);
        var f = new Facts(c, step, hall);
        var (title, body, sms) = Words(step.Action, c, f);
        var text = sms.Value;
        if (TextMessages.Compose(text).Length > TextMessages.MaxLength)
        {
            // Only for values longer than any the templates were measured with (a courier's name of twenty characters):
            // one message that sends the applicant to their case beats a text billed as two.
            text = l["ApplicantNotice.Sms.Fallback", f.Number].Value;
        }

        return new ToldMessage(title.Value, body.Value, text);
    }

    /// <summary>The words for each step: inbox title, inbox body, text message.</summary>
    private (LocalizedString Title, LocalizedString Body, LocalizedString Sms) Words(string action, Case c, Facts f) => action switch
    {
        StepActions.Submitted => (l["ApplicantNotice.Submitted.Title", f.Number], l["ApplicantNotice.Submitted.Body", f.Item, c.QueryCode], l["ApplicantNotice.Submitted.Sms", f.Number, c.QueryCode]),
        StepActions.SupplementRequested => (l["ApplicantNotice.SupplementRequested.Title", f.Number], l["ApplicantNotice.SupplementRequested.Body", f.Item, f.Note], l["ApplicantNotice.SupplementRequested.Sms", f.Number]),
        StepActions.SupplementInReview => (l["Supplement.InReview.Title", f.Number], l["Supplement.InReview.Body", f.Note], l["ApplicantNotice.SupplementInReview.Sms", f.Number]),
        StepActions.SupplementedInReview => (l["ApplicantNotice.SupplementedInReview.Title", f.Number], l["ApplicantNotice.SupplementedInReview.Body", f.Item, f.Promised], l["ApplicantNotice.SupplementedInReview.Sms", f.Number]),
        StepActions.Accepted => (l["ApplicantNotice.Accepted.Title", f.Number], l["ApplicantNotice.Accepted.Body", f.Item, c.QueryCode, f.Promised], l["ApplicantNotice.Accepted.Sms", f.Number, c.QueryCode, f.Promised]),
        StepActions.AcceptedWithDeficiency => (l["ApplicantNotice.AcceptedWithDeficiency.Title", f.Number], l["ApplicantNotice.AcceptedWithDeficiency.Body", f.Item, c.QueryCode, f.DeficiencyDue, f.Promised], l["ApplicantNotice.AcceptedWithDeficiency.Sms", f.Number, c.QueryCode, f.DeficiencyDue]),
        StepActions.SpecialProcedure => (l["ApplicantNotice.SpecialProcedure.Title", f.Number], l["ApplicantNotice.SpecialProcedure.Body", f.Item, f.Note], l["ApplicantNotice.SpecialProcedure.Sms", f.Number]),
        StepActions.SpecialProcedureEnded => (l["ApplicantNotice.SpecialProcedureEnded.Title", f.Number], l["ApplicantNotice.SpecialProcedureEnded.Body", f.Item, f.Note], l["ApplicantNotice.SpecialProcedureEnded.Sms", f.Number]),
        StepActions.Extended => (l["ApplicantNotice.Extended.Title", f.Number], l["ApplicantNotice.Extended.Body", f.Item, f.Note, f.Promised], l["ApplicantNotice.Extended.Sms", f.Number, f.Promised]),
        StepActions.Approved or StepActions.ApprovedInReview => (l["ApplicantNotice.Approved.Title", f.Number], l["ApplicantNotice.Approved.Body", f.Item, c.DecisionNumber ?? "", f.Hall], l["ApplicantNotice.Approved.Sms", f.Number, f.Hall]),
        StepActions.ResultArrived => (l["ApplicantNotice.ResultArrived.Title", f.Number, f.Hall], l["ApplicantNotice.ResultArrived.Body", f.Item, f.Hall], l["ApplicantNotice.ResultArrived.Sms", f.Number, f.Hall]),
        StepActions.LicenceIssued => (l["ApplicantNotice.LicenceIssued.Title", f.Number], l["ApplicantNotice.LicenceIssued.Body", f.Note], l["ApplicantNotice.LicenceIssued.Sms", f.Number]),
        StepActions.DeficiencyReminder => (l["Reminder.Deficiency.Title", f.Number], l["Reminder.Deficiency.Body", f.DeficiencyDue], l["ApplicantNotice.DeficiencyReminder.Sms", f.Number, f.DeficiencyDue]),
        StepActions.Delivered => c.DeliveryMethod switch
        {
            DeliveryMethod.Courier => (l["CaseClosed.Completed.Title", f.Number], l["ApplicantNotice.Posted.Body", f.Item, c.CourierCompany, c.TrackingNumber, c.DeliveryRecipient], l["ApplicantNotice.Posted.Sms", f.Number, c.CourierCompany, c.TrackingNumber]),
            DeliveryMethod.Electronic => (l["CaseClosed.Completed.Title", f.Number], l["ApplicantNotice.DeliveredElectronically.Body", f.Item], l["ApplicantNotice.DeliveredElectronically.Sms", f.Number]),
            _ => (l["CaseClosed.Completed.Title", f.Number], l["ApplicantNotice.PickedUp.Body", f.Item, f.Recipient], l["ApplicantNotice.PickedUp.Sms", f.Number, f.Recipient]),
        },
        StepActions.Denied => (l["CaseClosed.Denied.Title", f.Number], l["ApplicantNotice.Denied.Body", f.Item, c.DecisionNumber ?? "", c.DecisionOpinion], l["ApplicantNotice.Denied.Sms", f.Number]),
        StepActions.NotAccepted => (l["CaseClosed.NotAccepted.Title", f.Number], l["CaseClosed.BodyWithReason", f.Item, f.Note], l["ApplicantNotice.NotAccepted.Sms", f.Number]),
        StepActions.Withdrawn => (l["CaseClosed.Withdrawn.Title", f.Number], l["ApplicantNotice.Withdrawn.Body", f.Item], l["ApplicantNotice.Withdrawn.Sms", f.Number]),
        StepActions.Terminated => (l["CaseClosed.Terminated.Title", f.Number], l["ApplicantNotice.Terminated.Body", f.Item, f.DeficiencyDue], l["ApplicantNotice.Terminated.Sms", f.Number]),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a step the applicant is told of."),
    };

    /// <summary>The values the words are made of, formatted the same in every language.</summary>
    private sealed record Facts(Case Case, CaseStep Step, string Hall)
    {
        public string Number => Case.Number ?? "";

        public string Item => Case.ItemName;

        public string Note => Step.Note;

        public string Promised => Date(Case.PromisedDueDate);

        public string DeficiencyDue => Date(Case.DeficiencyDueDate);

        /// <summary>Who collected the result, masked as on every page that is not the clerk's (张*).</summary>
        public string Recipient => NameMask.Mask(Case.DeliveryRecipient, false);

        private static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    }
}


