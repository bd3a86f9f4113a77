using Hmis.Common.V1;
using Hmis.Requests.V1;
using HmisPlatform.Requests.Infrastructure;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>Valid requests of the demo data, and the review steps, for tests to vary.</summary>
internal static class Requests
{
    public static SubmitAccessRequestRequest NewAgencyUser(string email = "dana.whitfield@lakeview.example.org") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Type = RequestType.NewAgencyUsers,
        AgencyId = DemoData.LakeviewAgencyId.ToString(),
        AtaId = DemoData.LakeviewAtaId.ToString(),
        Users = { new NewUser { GivenName = "Dana", FamilyName = "Whitfield", Email = email } },
        Access = new Access
        {
            Responsibilities = { Responsibility.EnterClientData },
            ProjectTypes = { ProjectType.EmergencyShelter },
        },
        Note = "New case manager",
    };

    public static ReviewAccessRequestRequest Review(AccessRequest request, ReviewOutcome outcome, string reason = "") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AccessRequestId = request.Id,
        Outcome = outcome,
        Reason = reason,
        Etag = request.Etag,
    };

    /// <summary>Confirms credit use, then the enrolments (or the accounts of a full transfer).</summary>
    public static async Task<AccessRequest> ApproveAsync(this AccessRequests.AccessRequestsClient reviewer, AccessRequest request)
    {
        var confirmed = (await reviewer.ReviewAccessRequestAsync(Review(request, ReviewOutcome.ConfirmCreditUse))).AccessRequest;
        var approval = confirmed.TransferPath == TransferPath.FullTransfer ? ReviewOutcome.CreateAccounts : ReviewOutcome.ConfirmEnrolments;
        return (await reviewer.ReviewAccessRequestAsync(Review(confirmed, approval))).AccessRequest;
    }
}
