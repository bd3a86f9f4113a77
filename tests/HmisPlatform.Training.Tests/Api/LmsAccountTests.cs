using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Events.V1;
using Hmis.Training.V1;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.Tests.Api;

/// <summary>One LMS account per person for life; agency emails only; the Help Desk's email change keeps the history.</summary>
public sealed class LmsAccountTests(TrainingFixture service) : IClassFixture<TrainingFixture>
{
    private Hmis.Training.V1.Training.TrainingClient HmisTeam => new(service.HmisTeamChannel);

    private async Task<LearningPath> ApprovedAsync(Guid person, string email, string lmsUsername = "", Responsibility responsibility = Responsibility.EnterClientData)
    {
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), new AccessRequestApproved
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            AccessRequestId = Guid.NewGuid().ToString(),
            AgencyId = TestTokens.DefaultAgencyId,
            Applicant = new Applicant { PersonId = person.ToString(), GivenName = "Lee", FamilyName = "Ms", Email = email, LmsUsername = lmsUsername },
            Access = new Access { Responsibilities = { responsibility }, ProjectTypes = { ProjectType.ServicesOnly } },
            AgencyEmailDomains = { "agency.example.org" },
            TransferPath = "FULL_TRAINING",
        });
        return await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return (await service.Client.GetLearningPathAsync(new GetLearningPathRequest { PersonId = person.ToString() })).LearningPath;
            }
            catch (RpcException)
            {
                return null;
            }
        }, p => p is not null) ?? throw new InvalidOperationException();
    }

    private Task<FindLmsAccountResponse> FindAsync(string email = "", string username = "") =>
        HmisTeam.FindLmsAccountAsync(new FindLmsAccountRequest { Email = email, Username = username }).ResponseAsync;

    [Fact]
    public async Task Approval_OpensOneAccount_WithTheUsernameTheAtaGave()
    {
        var person = Guid.NewGuid();
        await ApprovedAsync(person, "lee.one@agency.example.org", "Lee.One");

        var account = Assert.Single((await FindAsync(email: " LEE.ONE@agency.example.org ")).Accounts);

        Assert.Equal(("lee.one", LmsAccountStatus.Active, person.ToString()), (account.Username, account.Status, account.PersonId));
        Assert.Equal(account.Id, Assert.Single((await FindAsync(username: "LEE.ONE")).Accounts).Id);
    }

    [Fact]
    public async Task AnAccountTheAtaNamesByItsUsername_IsReusedForTheNewPath_MovedToTheAgencyEmail_NeverASecondOne()
    {
        // The person's account from years ago, known to the platform under another person id and their old email.
        var before = Guid.NewGuid();
        await ApprovedAsync(before, "ria.old@agency.example.org", "ria.santos");
        var person = Guid.NewGuid();

        await ApprovedAsync(person, "ria.santos@agency.example.org", "ria.santos");

        var accounts = await service.QueryAsync(db => db.LmsAccounts.Where(a => a.Username.StartsWith("ria.santos")).ToListAsync());
        var kept = Assert.Single(accounts);
        Assert.Equal((person, "ria.santos@agency.example.org"), (kept.PersonId, kept.Email));
        var change = Assert.Single(await service.QueryAsync(db => db.LmsAccountChanges.Where(c => c.AccountId == kept.Id).ToListAsync()));
        Assert.Equal(("ria.old@agency.example.org", "ria.santos@agency.example.org"), (change.FromEmail, change.ToEmail));
    }

    [Fact]
    public async Task EmailOfAnotherAccount_ByCaseOrSpaces_IsRefused_AndALookAlikeIsInvalid()
    {
        var person = Guid.NewGuid();
        await ApprovedAsync(person, "taken.mail@agency.example.org");
        var other = Guid.NewGuid();
        await ApprovedAsync(other, "other.person@agency.example.org");

        var sameAddress = await RpcErrors.CatchAsync(() => service.Client.RegisterLmsAccountAsync(new RegisterLmsAccountRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = other.ToString(), Email = "  Taken.Mail@AGENCY.example.org", Username = "someone.new",
        }).ResponseAsync);
        var lookAlike = await RpcErrors.CatchAsync(() => service.Client.RegisterLmsAccountAsync(new RegisterLmsAccountRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = other.ToString(), Email = "t\u0430ken.mail@agency.example.org", Username = "someone.else",
        }).ResponseAsync);

        Assert.Equal((StatusCode.AlreadyExists, "LMS_ACCOUNT_EXISTS"), (sameAddress.StatusCode, sameAddress.Reason()));
        Assert.Equal((StatusCode.InvalidArgument, "EMAIL_INVALID"), (lookAlike.StatusCode, lookAlike.Reason()));
    }

    [Fact]
    public async Task SecondAccountOfAPerson_IsADuplicateToDelete_AndTheHistoryStaysOnTheFirst()
    {
        var person = Guid.NewGuid();
        await ApprovedAsync(person, "dup.person@agency.example.org");
        var first = Assert.Single((await FindAsync(email: "dup.person@agency.example.org")).Accounts);

        var second = (await service.Client.RegisterLmsAccountAsync(new RegisterLmsAccountRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), Email = "dup.person2@agency.example.org", Username = "dup.person2",
        })).Account;

        Assert.Equal((LmsAccountStatus.Duplicate, first.Id), (second.Status, second.DuplicateOf));
        Assert.Equal(first.Id, (await service.QueryAsync(db => db.LmsAccounts.SingleAsync(a => a.PersonId == person && a.Status == Training.Domain.LmsAccounts.LmsAccountStatus.Active))).Id.ToString());
    }

    [Fact]
    public async Task PersonalEmail_HoldsTheCompletionBack_UntilTheHelpDeskChangesIt_WithTheChangeAudited()
    {
        var person = Guid.NewGuid();
        await ApprovedAsync(person, "placeholder@agency.example.org", responsibility: Responsibility.ReadOnly);
        var account = Assert.Single((await FindAsync(email: "placeholder@agency.example.org")).Accounts);
        await service.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE lms_accounts SET email = 'lee@gmail.example.com', personal_email = true WHERE id = {Guid.Parse(account.Id)}"));

        var held = (await service.Lms.RecordCourseProgressAsync(new RecordCourseProgressRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), CourseCode = "INTRO_HMIS_READ_ONLY", Percent = 100,
        })).LearningPath;
        var changed = (await HmisTeam.UpdateLmsAccountEmailAsync(new UpdateLmsAccountEmailRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccountId = account.Id, Email = "lee.reader@agency.example.org", Reason = "Ticket 4411",
        })).Account;
        var after = (await service.Client.GetLearningPathAsync(new GetLearningPathRequest { PersonId = person.ToString() })).LearningPath;

        Assert.Null(held.CompletedAt);
        Assert.False(changed.PersonalEmail);
        Assert.NotNull(after.CompletedAt);
        Assert.Equal(CourseStatus.Complete, Assert.Single(after.Courses).Status);
        var completion = Assert.Single(await service.Redis.WaitForAsync<TrainingCompleted>(service.StreamOf(TrainingCompleted.Descriptor), c => c.PersonId == person.ToString()));
        Assert.True(completion.ReadOnly);
        var audit = await service.QueryAsync(db => db.LmsAccountChanges.Where(c => c.AccountId == Guid.Parse(account.Id)).ToListAsync());
        Assert.Equal(("lee@gmail.example.com", "lee.reader@agency.example.org", "Ticket 4411"), (Assert.Single(audit).FromEmail, audit[0].ToEmail, audit[0].Reason));
    }

    [Fact]
    public async Task EmailChange_ByAnAgency_IsRefused()
    {
        var person = Guid.NewGuid();
        await ApprovedAsync(person, "agency.change@agency.example.org");
        var account = Assert.Single((await FindAsync(email: "agency.change@agency.example.org")).Accounts);

        var error = await RpcErrors.CatchAsync(() => service.Client.UpdateLmsAccountEmailAsync(new UpdateLmsAccountEmailRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccountId = account.Id, Email = "x@agency.example.org", Reason = "mine",
        }).ResponseAsync);

        Assert.Equal("HMIS_TEAM_ONLY", error.Reason());
    }
}
