using Grpc.Core;
using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.Tests.Api;

public sealed class SubmitAccessRequestTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    [Fact]
    public async Task Submit_ValidNewAgencyUser_IsStoredAndReadBack()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser())).AccessRequest;

        var read = (await service.Client.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = submitted.Id })).AccessRequest;

        Assert.Equal(AccessRequestStatus.Submitted, read.Status);
        Assert.Equal("dana.whitfield@lakeview.example.org", Assert.Single(read.Users).Email);
        Assert.True(Guid.TryParse(read.Users[0].PersonId, out _));
    }

    [Trait("ASVS", "2.3.3")]
    [Fact]
    public async Task Submit_RetriedWithSameRequestId_ReturnsFirstAnswerAndCreatesNothingNew()
    {
        var request = Requests.NewAgencyUser("retry.person@lakeview.example.org");

        var first = await service.Client.SubmitAccessRequestAsync(request);
        var retry = await service.Client.SubmitAccessRequestAsync(request);

        Assert.Equal(first.AccessRequest, retry.AccessRequest);
        var stored = await service.QueryAsync(db => db.AccessRequests.CountAsync(r => r.Users.Any(u => u.Email == "retry.person@lakeview.example.org")));
        Assert.Equal(1, stored);
        // The retry is answered from the stored answer, before Credentialing is asked anything again.
        Assert.Equal(1, service.Credentialing.LookUpsOf("retry.person@lakeview.example.org"));
    }

    [Fact]
    public async Task Submit_SameRequestIdWithOtherBody_IsRefusedAsKeyReused()
    {
        var request = Requests.NewAgencyUser("reuse.person@lakeview.example.org");
        await service.Client.SubmitAccessRequestAsync(request);
        var other = request.Clone();
        other.Note = "a different body";

        var error = await RpcErrors.CatchAsync(() => service.Client.SubmitAccessRequestAsync(other).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", error.Reason());
        Assert.Equal("hmis.requests", error.Domain());
        Assert.Contains("request_id", error.ViolatedFields());
    }

    [Trait("ASVS", "2.3.3")]
    [Fact]
    public async Task TheSameRequestIdAndBody_FromAnotherCaller_IsRefused_NeverAnsweredWithTheFirstCallersAnswer()
    {
        var request = Requests.NewAgencyUser($"key.owner.{Guid.NewGuid():N}@lakeview.example.org");
        await service.Client.SubmitAccessRequestAsync(request);
        var ata = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(
            TestTokens.Person(DemoData.LakeviewAtaId, "ata", DemoData.LakeviewAgencyId.ToString())));

        var error = await RpcErrors.CatchAsync(() => ata.SubmitAccessRequestAsync(request).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "IDEMPOTENCY_KEY_REUSED"), (error.StatusCode, error.Reason()));
        Assert.Equal(1, await service.QueryAsync(db => db.AccessRequests.CountAsync(r => r.Users.Any(u => u.Email == request.Users[0].Email))));
    }

    [Fact]
    public async Task Submit_ConcurrentRetries_CreateOneRequest()
    {
        var request = Requests.NewAgencyUser("concurrent.person@lakeview.example.org");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => service.Client.SubmitAccessRequestAsync(request).ResponseAsync));

        Assert.Single(answers.Select(a => a.AccessRequest.Id).Distinct());
        var stored = await service.QueryAsync(db => db.AccessRequests.CountAsync(r => r.Users.Any(u => u.Email == "concurrent.person@lakeview.example.org")));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task Submit_AgencyWithExpiredApa_FailsPreconditionNamingTheAgency()
    {
        var request = Requests.NewAgencyUser("sam.new@westside.example.org");
        request.AgencyId = DemoData.NoApaAgencyId.ToString();
        request.AtaId = DemoData.NoApaAtaId.ToString();

        var westside = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(TestTokens.Issue(agencyId: DemoData.NoApaAgencyId.ToString())));

        var error = await RpcErrors.CatchAsync(() => westside.SubmitAccessRequestAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("AGENCY_APA_NOT_CURRENT", error.Reason());
        Assert.Contains($"agencies/{DemoData.NoApaAgencyId}", error.FailedPreconditionSubjects());
    }

    [Fact]
    public async Task Submit_PersonalEmail_IsRefusedOnThatUsersEmailAndStoresNothing()
    {
        var request = Requests.NewAgencyUser("dana.whitfield@gmail.com");

        var error = await RpcErrors.CatchAsync(() => service.Client.SubmitAccessRequestAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("EMAIL_NOT_AGENCY_DOMAIN", error.Reason());
        Assert.Equal(["users[0].email"], error.ViolatedFields());
        Assert.DoesNotContain("gmail", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await service.QueryAsync(db => db.AccessRequests.CountAsync(r => r.Users.Any(u => u.Email.EndsWith("gmail.com")))));
    }

    [Fact]
    public async Task Submit_WithSeveralWrongFields_NamesEveryOneInOneAnswer()
    {
        var request = Requests.NewAgencyUser("first.person@lakeview.example.org");
        request.Users.Add(new NewUser { GivenName = "", FamilyName = "Second", Email = "second@gmail.com" });
        request.Access.ProjectTypes.Clear();

        var error = await RpcErrors.CatchAsync(() => service.Client.SubmitAccessRequestAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["access.project_types", "users[1].given_name", "users[1].email"], error.ViolatedFields());
        Assert.Equal(0, await service.QueryAsync(db => db.AccessRequests.CountAsync(r => r.Users.Any(u => u.Email == "first.person@lakeview.example.org"))));
    }

    [Fact]
    public async Task Submit_BadAgencyId_IsRefusedAsInvalidArgument()
    {
        var request = Requests.NewAgencyUser();
        request.AgencyId = "not-a-uuid";

        var error = await RpcErrors.CatchAsync(() => service.Client.SubmitAccessRequestAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["agency_id"], error.ViolatedFields());
    }

    [Fact]
    public async Task Review_ConfirmEnrolments_MovesOnAndPublishesApprovalPerUser()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("approved.person@lakeview.example.org"))).AccessRequest;

        var reviewed = await service.HmisTeam.ApproveAsync(submitted);

        Assert.Equal(AccessRequestStatus.InProgress, reviewed.Status);
        var approvals = await service.Redis.WaitForAsync<AccessRequestApproved>(service.StreamOf(AccessRequestApproved.Descriptor));
        var approval = Assert.Single(approvals, a => a.AccessRequestId == submitted.Id);
        Assert.Equal(submitted.Users[0].PersonId, approval.Applicant.PersonId);
    }

    [Fact]
    public async Task Review_DenyWithoutReason_IsRefusedAndChangesNothing()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("denied.person@lakeview.example.org"))).AccessRequest;
        var deny = Requests.Review(submitted, ReviewOutcome.Deny);

        var error = await RpcErrors.CatchAsync(() => service.HmisTeam.ReviewAccessRequestAsync(deny).ResponseAsync);

        Assert.Equal("REASON_REQUIRED", error.Reason());
        var read = (await service.Client.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = submitted.Id })).AccessRequest;
        Assert.Equal(AccessRequestStatus.Submitted, read.Status);
    }

    [Trait("ASVS", "2.2.1")]
    [Fact]
    public async Task Review_WithAReasonLongerThanTheAuditKeeps_IsRefusedByItsField_NotAnInternalError()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser($"long.reason.{Guid.NewGuid():N}@lakeview.example.org"))).AccessRequest;
        var deny = Requests.Review(submitted, ReviewOutcome.Deny, new string('x', 4001));

        var error = await RpcErrors.CatchAsync(() => service.HmisTeam.ReviewAccessRequestAsync(deny).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "TEXT_TOO_LONG"), (error.StatusCode, error.Reason()));
        Assert.Equal(["reason"], error.ViolatedFields());
        var read = (await service.Client.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = submitted.Id })).AccessRequest;
        Assert.Equal(AccessRequestStatus.Submitted, read.Status);
    }

    [Trait("ASVS", "2.2.1")]
    [Theory]
    [InlineData("Dana\\0")]
    [InlineData("Da\\u0007na")]
    [InlineData("Dana\\u001b[31m")]
    public async Task Submit_NamesWithControlCharacters_AreRefusedByTheirField_AndStoreNothing(string escapedName)
    {
        var request = Requests.NewAgencyUser($"control.{Guid.NewGuid():N}@lakeview.example.org");
        request.Users[0].GivenName = System.Text.RegularExpressions.Regex.Unescape(escapedName);
        request.Note = "Line one\nline two\tindented";

        var error = await RpcErrors.CatchAsync(() => service.Client.SubmitAccessRequestAsync(request).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "CONTROL_CHARACTERS"), (error.StatusCode, error.Reason()));
        Assert.Equal(["users[0].given_name"], error.ViolatedFields());
        Assert.Equal(0, await service.QueryAsync(db => db.AccessRequests.CountAsync(r => r.Users.Any(u => u.Email == request.Users[0].Email))));
    }

    [Trait("ASVS", "4.1")]
    [Fact]
    public async Task Submit_LargerThanAnyRequestNeeds_IsRefusedBeforeItIsRead()
    {
        var request = Requests.NewAgencyUser($"huge.{Guid.NewGuid():N}@lakeview.example.org");
        request.Note = new string('x', 2 * 1024 * 1024);

        var error = await RpcErrors.CatchAsync(() => service.Client.SubmitAccessRequestAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
