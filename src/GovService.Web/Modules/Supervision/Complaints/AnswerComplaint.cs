using System.Security.Claims;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Supervision.Answering;
using GovService.Web.Shared.Calendar;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Complaints;

/// <summary>The department (or hall) complained about answers an open 投诉; the complainant finds it in their inbox.</summary>
public sealed class AnswerComplaint(ComplaintQueries complaints, AnswerAddressedWork answering, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<WorkResult<ComplaintPage>> RunAsync(Guid id, ClaimsPrincipal user, string? answer, CancellationToken ct) =>
        await answering.AnswerAsync(
            await complaints.FindAsync(id, user, ct),
            answer,
            ("Complaint.AnswerRequired", "Complaint.AlreadyAnswered"),
            complaint => Task.FromResult<IReadOnlyCollection<Notice>>(
                [new Notice($"complaint:{complaint.Id}:answered", complaint.ComplainantUserId, null, l["Complaint.Answered.Title", complaint.Number].Value, complaint.Answer, "/my/complaints")]),
            (complaint, viewer, error) => Task.FromResult(new ComplaintPage(complaint, viewer, clock.Today(), error, answer)),
            ct);
}
