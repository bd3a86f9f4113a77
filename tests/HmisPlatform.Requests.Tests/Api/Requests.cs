using Hmis.Common.V1;
using Hmis.Requests.V1;
using HmisPlatform.Requests.Infrastructure;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>Valid requests of the demo data, for tests to vary.</summary>
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

    public static ReviewAccessRequestRequest Confirm(string accessRequestId) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AccessRequestId = accessRequestId,
        Outcome = ReviewOutcome.ConfirmEnrolments,
    };
}
