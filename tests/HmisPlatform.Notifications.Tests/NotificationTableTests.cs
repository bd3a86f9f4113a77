using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using Hmis.Notifications.V1;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Notifications.Tests;

/// <summary>Each row of the table: the event, who gets its e-mail, and what the e-mail says.</summary>
public sealed class NotificationTableTests(NotificationsFixture service) : IClassFixture<NotificationsFixture>
{
    private const string Ce = "ce-team@hmis.example.org";
    private const string HmisTeam = "hmis-team@hmis.example.org";

    private async Task<IReadOnlyList<string>> SentAsync(Journey journey, string subjectPart)
    {
        await service.Delivery.RunOnceAsync(CancellationToken.None);
        return [.. service.Smtp.Received
            .Where(m => (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal) && (m.TextBody ?? "").Contains(journey.RequestId.ToString(), StringComparison.Ordinal))
            .SelectMany(m => m.To.Mailboxes.Select(a => a.Address))
            .Order(StringComparer.Ordinal)];
    }

    private static string[] Both(Journey journey) => [.. new[] { journey.AtaEmail, journey.UserEmail }.Order(StringComparer.Ordinal)];

    private string TextTo(string address, string subjectPart) =>
        service.Smtp.To(address).Single(m => (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal)).TextBody ?? "";

    [Fact]
    public async Task Approved_TheUserAndTheAta_GetTheTrainingAccountPathAndLms()
    {
        var journey = await new Journey(service).StartedAsync();

        Assert.Equal(Both(journey), await SentAsync(journey, "Approved for HMIS training"));
        var toUser = TextTo(journey.UserEmail, "Approved");
        Assert.Contains("nhaddad.lms", toUser, StringComparison.Ordinal);
        Assert.Contains("emergency shelter", toUser, StringComparison.Ordinal);
        Assert.Contains("https://lms.example.org/", toUser, StringComparison.Ordinal);
        Assert.Contains($"Agency {journey.AgencyId}, request {journey.RequestId}", toUser, StringComparison.Ordinal);
        Assert.Contains("Noor Haddad", TextTo(journey.AtaEmail, "Approved"), StringComparison.Ordinal);
        var html = service.Smtp.To(journey.UserEmail).Single(m => (m.Subject ?? "").Contains("Approved", StringComparison.Ordinal)).HtmlBody ?? "";
        Assert.Contains("href=\"https://hmis.example.org/me\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approved_TheUsersEmailAlone_CarriesTheirSignIn_AndARepeatedEventMakesNoNewLink()
    {
        var journey = new Journey(service);
        await journey.DeliverAsync(journey.Submitted());
        var approved = journey.Approved();
        await journey.DeliverAsync(approved);
        await journey.DeliverAsync(approved);
        await SentAsync(journey, "Approved");

        var link = service.SignIns.LinkFor(journey.PersonId)!;
        Assert.Equal(1, service.SignIns.InvitationsOf(journey.PersonId));
        var toUser = TextTo(journey.UserEmail, "Approved");
        Assert.Contains(link, toUser, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\"",
            service.Smtp.To(journey.UserEmail).Single(m => m.Subject!.Contains("Approved", StringComparison.Ordinal)).HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", TextTo(journey.AtaEmail, "Approved"), StringComparison.Ordinal);
        // The inbox keeps the message without the link: no secret stays at rest.
        Assert.False(await service.QueryAsync(db => db.Notifications.AnyAsync(n => n.Text.Contains("token=") || n.Html.Contains("token="))));
    }

    [Fact]
    public async Task Approved_ForATraineeWhoSignsInAlready_CarriesNoLink()
    {
        var journey = new Journey(service);
        service.SignIns.SigningInAlready.Add(journey.PersonId);
        await journey.StartedAsync();
        await SentAsync(journey, "Approved");

        var toUser = TextTo(journey.UserEmail, "Approved");
        Assert.DoesNotContain("Set your HmisPlatform password", toUser, StringComparison.Ordinal);
        Assert.Contains("nhaddad.lms", toUser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASupervisorWhoValidatedTheNewHire_HearsWhatTheAtaHears_Once()
    {
        var journey = new Journey(service);
        var supervisorId = Guid.NewGuid();
        var supervisor = $"supervisor-{supervisorId:N}@lakeview.example.org";
        await journey.DeliverAsync(journey.Submitted());
        var validated = journey.Validated(supervisorId, supervisor);
        await journey.DeliverAsync(validated);
        await journey.DeliverAsync(journey.Validated(supervisorId, supervisor));
        await journey.DeliverAsync(journey.Approved());
        await journey.DeliverAsync(journey.StatusChanged("REQUEST_INFORMATION", "ACCESS_REQUEST_STATUS_INFORMATION_REQUESTED", "Which shelter?"));

        Assert.Equal([.. new[] { journey.AtaEmail, journey.UserEmail, supervisor }.Order(StringComparer.Ordinal)], await SentAsync(journey, "Approved for HMIS training"));
        Assert.Contains("Noor Haddad", TextTo(supervisor, "Approved"), StringComparison.Ordinal);
        Assert.DoesNotContain("token=", TextTo(supervisor, "Approved"), StringComparison.Ordinal);
        Assert.Contains(supervisor, await SentAsync(journey, "information"));
        var inbox = await service.As(TestTokens.Person(supervisorId, "supervisor")).ListNotificationsAsync(new ListNotificationsRequest());
        Assert.Equal(2, inbox.Notifications.Count(n => n.AccessRequestId == journey.RequestId.ToString()));
    }

    [Fact]
    public async Task AnApprovalReadBeforeTheValidation_StillReachesTheSupervisor_AndTheLateValidationAddsNoOneTwice()
    {
        var journey = new Journey(service);
        var supervisorId = Guid.NewGuid();
        var supervisor = $"supervisor-{supervisorId:N}@lakeview.example.org";
        await journey.DeliverAsync(journey.Submitted());
        var validated = journey.Validated(supervisorId, supervisor);
        var approved = journey.Approved();
        approved.Validators.Add(validated.Validator);
        await journey.DeliverAsync(approved);
        await journey.DeliverAsync(validated);
        await journey.DeliverAsync(journey.StatusChanged("REQUEST_INFORMATION", "ACCESS_REQUEST_STATUS_INFORMATION_REQUESTED", "Which shelter?"));

        Assert.Contains(supervisor, await SentAsync(journey, "Approved for HMIS training"));
        Assert.Equal(1, (await SentAsync(journey, "information")).Count(to => to == supervisor));
    }

    [Fact]
    public async Task Approved_BeforeTheLmsAccountExists_SaysWhereItsSignInComesFrom()
    {
        var journey = new Journey(service);
        await journey.DeliverAsync(journey.Submitted());
        var approved = journey.Approved();
        approved.Applicant.LmsUsername = "";
        await journey.DeliverAsync(approved);
        await SentAsync(journey, "Approved");

        var text = TextTo(journey.UserEmail, "Approved");
        Assert.Contains("The LMS makes the training account", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Training account (LMS username):", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> ToTheAta => new()
    {
        { "REQUEST_INFORMATION", "ACCESS_REQUEST_STATUS_INFORMATION_REQUESTED", "More information needed", "Which projects will they work in?" },
        { "REQUEST_RESUBMISSION", "ACCESS_REQUEST_STATUS_RESUBMISSION_REQUESTED", "Please resubmit on the RETURNING USER form", "Active 2 months ago at another agency" },
        { "DENY", "ACCESS_REQUEST_STATUS_DENIED", "was denied", "Not an employee of the agency" },
    };

    [Theory]
    [MemberData(nameof(ToTheAta))]
    public async Task InformationResubmissionAndDenial_GoToTheAta_WithWhatIsAskedAndWhy(string action, string toStatus, string subject, string reason)
    {
        var journey = await new Journey(service).StartedAsync();

        await journey.DeliverAsync(journey.StatusChanged(action, toStatus, reason, action == "REQUEST_RESUBMISSION" ? "REQUEST_TYPE_RETURNING_USER" : ""));

        Assert.Equal([journey.AtaEmail], await SentAsync(journey, subject));
        Assert.Contains(reason, TextTo(journey.AtaEmail, subject), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutedToTheCeTeam_TheAtaAndTheCeTeam_HearWhatHappensNext()
    {
        var journey = await new Journey(service).StartedAsync();

        await journey.DeliverAsync(journey.StatusChanged("ROUTE_TO_CE_TEAM", "ACCESS_REQUEST_STATUS_AWAITING_CE_DECISION"));

        Assert.Equal([.. new[] { journey.AtaEmail, Ce }.Order(StringComparer.Ordinal)], await SentAsync(journey, "Coordinated Entry team"));
        Assert.Contains("What happens next", TextTo(Ce, "Coordinated Entry"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> ToTheUserAndTheAta => new()
    {
        { "reminder", "HMIS training not finished yet", "DATA_MGMT" },
        { "seat", "Your Sample Client Assignment is open", "within 10 days" },
        { "graded", "Sample Client attempt graded: corrections needed", "Attempts left: 2" },
        // Times and days as Chicago sees them.
        { "walkthrough", "Sample Client walk-through scheduled", "2026-12-03 09:00 CST" },
        { "expired", "Sample Client Assignment ended", "THREE_FAILED_ATTEMPTS" },
        { "pending", "Sign the HMIS End User Agreement", "End User Agreement" },
        { "issued", "Your HMIS account is live", "nhaddad2" },
        { "inactive", "HMIS account inactive", "2027-01-10" },
        { "removed", "HMIS access removed", "INACTIVE_SIX_MONTHS" },
        { "extended", "HMIS access extended", "outreach path" },
    };

    [Theory]
    [MemberData(nameof(ToTheUserAndTheAta))]
    public async Task EachStep_TheUserAndTheAta_GetItsMessage(string step, string subject, string says)
    {
        var journey = await new Journey(service).StartedAsync();
        var (person, request, agency) = (journey.PersonId.ToString(), journey.RequestId.ToString(), journey.AgencyId);
        var id = Guid.NewGuid().ToString();
        var now = Timestamp.FromDateTime(DateTime.UtcNow);
        IMessage e = step switch
        {
            "reminder" => new TrainingReminderDue { EventId = id, OccurredAt = now, PersonId = person, AccessRequestId = request, AgencyId = agency, CoursesLeft = { "DATA_MGMT", "ES_TH_SH" } },
            "seat" => new AssessmentScheduled { EventId = id, OccurredAt = now, PersonId = person, AccessRequestId = request, AssignmentId = Guid.NewGuid().ToString() },
            "graded" => new AssessmentAttemptGraded
            {
                EventId = id, OccurredAt = now, PersonId = person, AccessRequestId = request, AgencyId = agency, AssignmentId = Guid.NewGuid().ToString(),
                AttemptId = Guid.NewGuid().ToString(), Outcome = "ATTEMPT_OUTCOME_CORRECTIONS_NEEDED", FindingCount = 2, FailedAttempts = 1, AttemptsLeft = 2,
            },
            "walkthrough" => new AssessmentWalkthroughScheduled
            {
                EventId = id, OccurredAt = now, PersonId = person, AccessRequestId = request, AgencyId = agency, AssignmentId = Guid.NewGuid().ToString(),
                StartsAt = Timestamp.FromDateTime(new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc)),
            },
            "expired" => new AssessmentExpired { EventId = id, OccurredAt = now, PersonId = person, AccessRequestId = request, AgencyId = agency, AssignmentId = Guid.NewGuid().ToString(), Reason = "THREE_FAILED_ATTEMPTS" },
            "pending" => new AccountPendingAgreement { EventId = id, OccurredAt = now, PersonId = person, AccessRequestId = request, AccountId = Guid.NewGuid().ToString() },
            "issued" => new CredentialsIssued { EventId = id, OccurredAt = now, PersonId = person, AccessRequestId = request, AccountId = Guid.NewGuid().ToString(), Username = "nhaddad2" },
            "inactive" => new InactivityWarning
            {
                EventId = id, OccurredAt = now, PersonId = person, AccessRequestId = request, AgencyId = agency, AccountId = Guid.NewGuid().ToString(),
                LastActivityAt = Timestamp.FromDateTime(new DateTime(2026, 7, 10, 0, 0, 0, DateTimeKind.Utc)),
                RemovalDueAt = Timestamp.FromDateTime(new DateTime(2027, 1, 10, 12, 0, 0, DateTimeKind.Utc)),
            },
            "extended" => new AccessExtended
            {
                EventId = id, OccurredAt = now, PersonId = person, AccessRequestId = request, AgencyId = agency, AccountId = Guid.NewGuid().ToString(),
                ProjectTypes = { Hmis.Common.V1.ProjectType.EmergencyShelter, Hmis.Common.V1.ProjectType.OutreachPath },
            },
            _ => new AccessRemoved { EventId = id, OccurredAt = now, PersonId = person, AccessRequestId = request, AgencyId = agency, AccountId = Guid.NewGuid().ToString(), Reason = "INACTIVE_SIX_MONTHS" },
        };

        await journey.DeliverAsync(e);

        Assert.Equal(Both(journey), await SentAsync(journey, subject));
        Assert.Contains(says, TextTo(journey.UserEmail, subject), StringComparison.Ordinal);
        Assert.Contains(says, TextTo(journey.AtaEmail, subject), StringComparison.Ordinal);
    }

    private static CredentialsIssued Issued(Journey journey, Guid accountId, string username) => new()
    {
        EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow), PersonId = journey.PersonId.ToString(),
        AccessRequestId = journey.RequestId.ToString(), AccountId = accountId.ToString(), Username = username,
    };

    [Fact]
    public async Task CredentialsIssued_TheUsersEmailAlone_CarriesTheUsernameAndTheSingleUseLink_NeverAPassword()
    {
        var journey = await new Journey(service).StartedAsync();
        var accountId = Guid.NewGuid();

        await journey.DeliverAsync(Issued(journey, accountId, "nhaddad3"));
        await SentAsync(journey, "live");

        var link = service.ActivationLinks.IssuedFor(accountId)!;
        var toUser = TextTo(journey.UserEmail, "live");
        Assert.Contains("Username: nhaddad3", toUser, StringComparison.Ordinal);
        Assert.Contains(link, toUser, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", service.Smtp.To(journey.UserEmail).Single(m => m.Subject!.Contains("live", StringComparison.Ordinal)).HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Password:", toUser, StringComparison.OrdinalIgnoreCase);
        var toAta = TextTo(journey.AtaEmail, "live");
        Assert.DoesNotContain("token=", toAta, StringComparison.Ordinal);
        Assert.Contains("received their single-use activation link by e-mail", toAta, StringComparison.Ordinal);
        // Once sent, the inbox keeps the message without the link: no secret stays at rest.
        var inbox = await service.As(TestTokens.Person(journey.PersonId, "trainee")).ListNotificationsAsync(new ListNotificationsRequest());
        var kept = inbox.Notifications.Single(n => n.Kind == "CREDENTIALS_ISSUED");
        Assert.DoesNotContain("token=", kept.Text, StringComparison.Ordinal);
        Assert.Contains("was sent to you by e-mail", kept.Text, StringComparison.Ordinal);
        Assert.False(await service.QueryAsync(db => db.Notifications.AnyAsync(n => n.Text.Contains("token=") || n.Html.Contains("token="))));
    }

    [Trait("ASVS", "14.2")]
    [Fact]
    public async Task CredentialsIssued_WhileTheEmailWaits_ItsLinkIsReadableNowhereInTheDatabase_NorInTheInbox()
    {
        var journey = await new Journey(service).StartedAsync();
        var accountId = Guid.NewGuid();
        await journey.DeliverAsync(Issued(journey, accountId, "nhaddad7"));
        var token = service.ActivationLinks.IssuedFor(accountId)!.Split("token=")[1];

        // Before the delivery round: every column of every row, as the database holds it.
        var rows = await service.QueryAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT row_to_json(n)::text AS \"Value\" FROM notifications n").ToListAsync());
        Assert.DoesNotContain(rows, row => row.Contains(token, StringComparison.Ordinal));
        Assert.True(await service.QueryAsync(db => db.Notifications.AnyAsync(n => n.SealedEmail != null)));
        var inbox = await service.As(TestTokens.Person(journey.PersonId, "trainee")).ListNotificationsAsync(new ListNotificationsRequest());
        Assert.DoesNotContain(inbox.Notifications, n => n.Text.Contains(token, StringComparison.Ordinal));

        await SentAsync(journey, "live");
        Assert.Contains(token, TextTo(journey.UserEmail, "live"), StringComparison.Ordinal);
        Assert.False(await service.QueryAsync(db => db.Notifications.AnyAsync(n => n.SealedEmail != null && n.AccessRequestId == journey.RequestId)));
    }

    [Fact]
    public async Task CredentialsIssued_ForAnAccountAlreadySetUp_SaysWhoIssuesTheLink()
    {
        var journey = await new Journey(service).StartedAsync();
        var accountId = Guid.NewGuid();
        service.ActivationLinks.AlreadyProvisioned.Add(accountId);

        await journey.DeliverAsync(Issued(journey, accountId, "nhaddad4"));
        await SentAsync(journey, "live");

        var toUser = TextTo(journey.UserEmail, "live");
        Assert.Contains("Ask the HMIS team for your single-use activation link", toUser, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", toUser, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "ATA training due by 2026-12-20", "must complete the ATA training by 2026-12-20")]
    [InlineData(true, "ATA training deadline missed", "did not complete the ATA training by the deadline, 2026-12-20")]
    public async Task AtaTrainingDeadline_TheAtaAndTheHmisTeam_HearTheDeadlineAndTheCourse(bool missed, string subject, string says)
    {
        var ataId = Guid.NewGuid();
        var ataEmail = $"ata-{ataId:N}@lakeview.example.org";
        var journey = new Journey(service);

        await journey.DeliverAsync(new AtaTrainingDeadlineNotice
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow), AgencyId = journey.AgencyId,
            Ata = new Contact { Id = ataId.ToString(), FullName = $"Tess Okafor {ataId:N}", Email = ataEmail },
            Deadline = "2026-12-20", Missed = missed, Course = "HMIS Access Process",
        });
        await service.Delivery.RunOnceAsync(CancellationToken.None);

        var toAta = service.Smtp.To(ataEmail).Single(m => m.Subject == subject).TextBody!;
        var toTeam = service.Smtp.To(HmisTeam).Single(m => m.Subject == subject && m.TextBody!.Contains(ataId.ToString("N"), StringComparison.Ordinal)).TextBody!;
        Assert.Contains($"You {says}", toAta, StringComparison.Ordinal);
        Assert.Contains("\"HMIS Access Process\"", toAta, StringComparison.Ordinal);
        Assert.Contains($"Tess Okafor {ataId:N}, an ATA of agency {journey.AgencyId}, {says}", toTeam, StringComparison.Ordinal);
        var ataInbox = await service.As(TestTokens.Person(ataId, "ata")).ListNotificationsAsync(new ListNotificationsRequest());
        Assert.Equal("ATA_TRAINING_DEADLINE", Assert.Single(ataInbox.Notifications).Kind);
    }

    [Fact]
    public async Task HelpDeskAccess_TheAtaIsToldToNotifyTheHelpDesk_ThenTheHelpDeskHearsOfIt_OtherWaiversTellNobody()
    {
        var journey = await new Journey(service).StartedAsync();
        AssessmentWaived Waived(string reason) => new()
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow), PersonId = journey.PersonId.ToString(),
            AccessRequestId = journey.RequestId.ToString(), AgencyId = journey.AgencyId, Reason = reason,
        };

        await journey.DeliverAsync(Waived("NO_DATA_ENTRY"));
        await journey.DeliverAsync(Waived("HELP_DESK"));
        await journey.DeliverAsync(new HelpDeskNotified
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow), PersonId = journey.PersonId.ToString(),
            AccessRequestId = journey.RequestId.ToString(), AgencyId = journey.AgencyId,
        });

        Assert.Equal([journey.AtaEmail], await SentAsync(journey, "Training complete: notify the HMIS Help Desk"));
        Assert.Equal([HmisTeam], await SentAsync(journey, "Help Desk: access to grant"));
    }
}
