using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.AccessRequests;

namespace HmisPlatform.Requests.Tests.Domain;

/// <summary>What a request offers is what review accepts: every outcome offered is taken, and every other is refused.</summary>
public sealed partial class AccessRequestTests
{
    private static readonly ReviewOutcome[] EveryOutcome = [.. Enum.GetValues<ReviewOutcome>().Where(o => o != ReviewOutcome.Unspecified)];

    [Fact]
    public void ANewAgencyUsersRequest_OffersCreditUseFirst_ThenTheEnrolments()
    {
        var request = Submit(RequestType.NewAgencyUsers, 1);

        Assert.Equal([ReviewOutcome.ConfirmCreditUse, ReviewOutcome.RequestInformation, ReviewOutcome.RequestResubmission, ReviewOutcome.RouteToCeTeam, ReviewOutcome.Deny],
            request.Allowed().ReviewOutcomes);
        request.Review(ReviewOutcome.ConfirmCreditUse, "", RequestType.Unspecified, request.Etag, Reviewer, Now);
        Assert.Equal([ReviewOutcome.ConfirmEnrolments, ReviewOutcome.RequestInformation, ReviewOutcome.RequestResubmission, ReviewOutcome.RouteToCeTeam, ReviewOutcome.Deny],
            request.Allowed().ReviewOutcomes);
    }

    [Fact]
    public void AnHrsRequest_OffersTheCeTeamItsDecision_AndTheHmisTeamLicensingOnlyAfterIt()
    {
        var request = Submit(RequestType.HrsCe1474, 1, access: RequestedAccess.Create([Responsibility.ReceiveReferrals], [ProjectType.CoordinatedEntry1474]));

        Assert.Equal((true, 0), (request.Allowed().CeDecision, request.Allowed().ReviewOutcomes.Count));
        request.CeDecide(CeDecision.Approve, "", request.Etag, new Caller("ce-1", null, false, Caller.CeTeamRole), Now);
        Assert.Equal((false, ReviewOutcome.ConfirmCreditUse), (request.Allowed().CeDecision, request.Allowed().ReviewOutcomes[0]));
    }

    [Fact]
    public void EveryOutcomeNotOffered_IsRefusedByReview_AndEveryOneOffered_IsTaken()
    {
        foreach (var outcome in EveryOutcome)
        {
            var request = Submit(RequestType.NewAgencyUsers, 1);
            var offered = request.Allowed().ReviewOutcomes.Contains(outcome);
            var required = outcome == ReviewOutcome.RequestResubmission ? RequestType.ReturningUser : RequestType.Unspecified;

            var refusal = Record.Exception(() => request.Review(outcome, "because", required, request.Etag, Reviewer, Now));

            Assert.True(offered == refusal is null, $"{outcome}: offered {offered}, refused {refusal?.Message}");
        }
    }

    [Fact]
    public void AClosedRequest_OffersNothing()
    {
        var request = Submit(RequestType.NewAgencyUsers, 1);
        request.Review(ReviewOutcome.Deny, "not eligible", RequestType.Unspecified, request.Etag, Reviewer, Now);

        var allowed = request.Allowed();
        Assert.Equal((false, false, false, false), (allowed.CeDecision, allowed.ProvideInformation, allowed.Withdraw, allowed.ValidateNewHire));
        Assert.Empty(request.Allowed().ReviewOutcomes);
    }

    [Fact]
    public void ASubmittedRequest_MayBeWithdrawnAndValidated_ButAnApprovedOneOnlyValidated()
    {
        var request = Submit(RequestType.NewAgencyUsers, 1);
        Assert.Equal((true, true, false), (request.Allowed().Withdraw, request.Allowed().ValidateNewHire, request.Allowed().ProvideInformation));

        var approved = Approved();
        Assert.Equal((false, true), (approved.Allowed().Withdraw, approved.Allowed().ValidateNewHire));
    }
}
