using Hmis.Common.V1;
using Hmis.Requests.V1;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;
using NewUser = HmisPlatform.Requests.Domain.AccessRequests.NewUser;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;

namespace HmisPlatform.Requests.Tests.Domain;

public sealed class AccessRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly Agency Agency = new(Guid.NewGuid(), "Agency", ["agency.example.org"], true, new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1));
    private static readonly AgencyAdministrator Ata = new(Guid.NewGuid(), Agency.Id, "Ata", "ata@agency.example.org");
    private static readonly RequestedAccess Access = RequestedAccess.Create([Responsibility.EnterClientData], [ProjectType.EmergencyShelter]);

    private static AccessRequest Submit(RequestType type, int users, Agency? agency = null, int maxBundle = 25) =>
        AccessRequest.Submit(type, agency ?? Agency, Ata,
            [.. Enumerable.Range(1, users).Select(i => new NewUser("Given", $"Family{i}", $"user{i}@agency.example.org"))],
            Access, "", new AccessRequestRules { MaxBundleSize = maxBundle }, Now);

    [Fact]
    public void NewAgencyUsers_BundleOfSeveral_IsAccepted() =>
        Assert.Equal(3, Submit(RequestType.NewAgencyUsers, 3).Users.Count);

    [Fact]
    public void ReturningUser_TwoUsers_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Submit(RequestType.ReturningUser, 2));
        Assert.Equal(AccessRequest.ReturningUserSingleReason, error.Reason);
    }

    [Fact]
    public void Bundle_OverTheCap_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Submit(RequestType.NewAgencyUsers, 4, maxBundle: 3));
        Assert.Equal(AccessRequest.BundleTooLargeReason, error.Reason);
    }

    [Fact]
    public void Agency_ApaEndedYesterday_IsRefused()
    {
        var lapsed = new Agency(Agency.Id, "Lapsed", ["agency.example.org"], true, new DateOnly(2024, 1, 1), DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1));
        var error = Assert.Throws<DomainException>(() => Submit(RequestType.NewAgencyUsers, 1, lapsed));
        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal(Agency.ApaNotCurrentReason, error.Reason);
    }

    [Fact]
    public void Agency_ApaEndingToday_IsStillCurrent() =>
        Assert.True(new Agency(Agency.Id, "Last day", [], true, new DateOnly(2024, 1, 1), DateOnly.FromDateTime(Now.UtcDateTime)).HasCurrentApa(DateOnly.FromDateTime(Now.UtcDateTime)));

    [Fact]
    public void Review_Twice_IsRefusedByTheStatusMachine()
    {
        var request = Submit(RequestType.NewAgencyUsers, 1);
        request.Review(ReviewOutcome.ConfirmEnrolments, "", Now);

        var error = Assert.Throws<DomainException>(() => request.Review(ReviewOutcome.Deny, "too late", Now));

        Assert.Equal(AccessRequestStatusMachine.TransitionNotAllowedReason, error.Reason);
    }

    [Fact]
    public void Complete_WhenOnlySomeUsersHaveCredentials_KeepsTheRequestOpen()
    {
        var request = Submit(RequestType.NewAgencyUsers, 2);
        request.Review(ReviewOutcome.ConfirmEnrolments, "", Now);

        Assert.False(request.CompleteIfAllIssued(new HashSet<Guid> { request.Users[0].PersonId }, Now));
        Assert.True(request.CompleteIfAllIssued(request.Users.Select(u => u.PersonId).ToHashSet(), Now));
        Assert.Equal(AccessRequestStatus.Completed, request.Status);
    }
}
