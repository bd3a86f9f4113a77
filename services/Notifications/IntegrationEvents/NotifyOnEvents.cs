using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Notifications.Domain;
using HmisPlatform.Notifications.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Notifications.IntegrationEvents;

/// <summary>
/// Turns each step's event into its notifications (issue "Notifications", the table). Each handler only picks the
/// kind and the details its template shows; who hears it is the kind's, in <see cref="NotificationKinds"/>.
/// </summary>
public sealed class NotifyOnEvents(NotificationsDbContext db, Notifier notifier, IActivationLinks activationLinks, ITraineeSignIns signIns) :
    IEventHandler<AccessRequestApproved>,
    IEventHandler<AccessRequestStatusChanged>,
    IEventHandler<TrainingReminderDue>,
    IEventHandler<AssessmentScheduled>,
    IEventHandler<AssessmentAttemptGraded>,
    IEventHandler<AssessmentWalkthroughScheduled>,
    IEventHandler<AssessmentExpired>,
    IEventHandler<AccountPendingAgreement>,
    IEventHandler<CredentialsIssued>,
    IEventHandler<InactivityWarning>,
    IEventHandler<AccessRemoved>,
    IEventHandler<AtaTrainingDeadlineNotice>,
    IEventHandler<AssessmentWaived>,
    IEventHandler<HelpDeskNotified>,
    IEventHandler<AccessExtended>,
    IEventHandler<AccountImported>,
    IEventHandler<AccessReviewReminderDue>
{
    /// <summary>
    /// An agency has accounts to review before the deadline: its ATA (the one who last asked for access, as this service
    /// knows them) and the HMIS team hear of it. An agency that never asked has no ATA known here: the team follows up.
    /// </summary>
    public async Task HandleAsync(AccessReviewReminderDue e, CancellationToken cancellationToken)
    {
        var agencyId = Guid.Parse(e.AgencyId);
        var ata = await db.Requests.AsNoTracking().Where(r => r.AgencyId == agencyId).OrderByDescending(r => r.AccessRequestId).FirstOrDefaultAsync(cancellationToken);
        await notifier.NotifyAsync(Guid.Parse(e.EventId), NotificationKinds.AccessReviewReminder, null, null, agencyId,
            new Dictionary<string, object?> { ["deadline"] = e.Deadline, ["pending"] = e.Pending, ["quarter"] = e.Quarter },
            cancellationToken, ata: ata?.AsRecipient());
    }

    /// <summary>A person brought in by the go-live import: known from now on, as an approved person is.</summary>
    public async Task HandleAsync(AccountImported e, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(e.Person.PersonId);
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        if (person is null)
        {
            person = new PersonContact(personId);
            db.People.Add(person);
        }
        person.Update($"{e.Person.GivenName} {e.Person.FamilyName}".Trim(), e.Person.Email, person.LmsUsername, e.OccurredAt.ToDateTimeOffset());
    }

    public Task HandleAsync(AccessExtended e, CancellationToken cancellationToken) =>
        NotifyAsync(e.EventId, NotificationKinds.AccessExtended, e.PersonId, e.AccessRequestId, e.AgencyId, new()
        {
            ["projects"] = e.ProjectTypes.Select(p => ProtoEnum.ShortNameOf(p, "PROJECT_TYPE_").Replace('_', ' ').ToLowerInvariant()).ToList(),
        }, cancellationToken);

    /// <summary>Help Desk access needs the ATA's next step: tell them; other waivers go on to the agreement by themselves.</summary>
    public Task HandleAsync(AssessmentWaived e, CancellationToken cancellationToken) =>
        e.Reason == "HELP_DESK"
            ? NotifyAsync(e.EventId, NotificationKinds.HelpDeskReady, e.PersonId, e.AccessRequestId, e.AgencyId, new(), cancellationToken)
            : Task.CompletedTask;

    public Task HandleAsync(HelpDeskNotified e, CancellationToken cancellationToken) =>
        NotifyAsync(e.EventId, NotificationKinds.HelpDeskNotified, e.PersonId, e.AccessRequestId, e.AgencyId, new(), cancellationToken);

    public async Task HandleAsync(AccessRequestApproved e, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(e.Applicant.PersonId);
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        if (person is null)
        {
            person = new PersonContact(personId);
            db.People.Add(person);
        }
        person.Update($"{e.Applicant.GivenName} {e.Applicant.FamilyName}".Trim(), e.Applicant.Email, e.Applicant.LmsUsername, e.OccurredAt.ToDateTimeOffset());
        await KeepRequestContact.KeepValidatorsAsync(db, Guid.Parse(e.AccessRequestId), e.Validators, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // The trainee does their own steps signed in: their approval e-mail alone carries the link to set their password.
        var signIn = await signIns.InviteAsync(personId, e.Applicant.Email, Guid.Parse(e.AgencyId), cancellationToken);
        await notifier.NotifyAsync(Guid.Parse(e.EventId), NotificationKinds.ApprovedForTraining, personId, Guid.Parse(e.AccessRequestId), Guid.Parse(e.AgencyId),
            new Dictionary<string, object?>
            {
                ["transfer_path"] = e.TransferPath,
                ["full_transfer"] = e.TransferPath == "FULL_TRANSFER",
                ["projects"] = e.ProjectTypesToTrain.Select(p => ProtoEnum.ShortNameOf(p, "PROJECT_TYPE_").Replace('_', ' ').ToLowerInvariant()).ToList(),
            }, cancellationToken,
            userSecret: signIn is null ? null : new Dictionary<string, object?> { ["sign_in_link"] = signIn });
    }

    public Task HandleAsync(AccessRequestStatusChanged e, CancellationToken cancellationToken) =>
        NotificationKinds.OfStatusChange(e.Action, e.ToStatus) is { } kind
            ? NotifyAsync(e.EventId, kind, null, e.AccessRequestId, e.AgencyId, new()
            {
                ["reason"] = e.Reason,
                ["required_form"] = e.RequiredForm.Replace("REQUEST_TYPE_", "", StringComparison.Ordinal).Replace('_', ' '),
                ["request_type"] = e.RequestType.Replace("REQUEST_TYPE_", "", StringComparison.Ordinal).Replace('_', ' '),
            }, cancellationToken)
            : Task.CompletedTask;

    public Task HandleAsync(TrainingReminderDue e, CancellationToken cancellationToken) =>
        NotifyAsync(e.EventId, NotificationKinds.TrainingReminder, e.PersonId, e.AccessRequestId, e.AgencyId,
            new() { ["courses_left"] = e.CoursesLeft.ToList() }, cancellationToken);

    public Task HandleAsync(AssessmentScheduled e, CancellationToken cancellationToken) =>
        NotifyAsync(e.EventId, NotificationKinds.SeatAvailable, e.PersonId, e.AccessRequestId, null, new(), cancellationToken);

    public Task HandleAsync(AssessmentAttemptGraded e, CancellationToken cancellationToken) =>
        NotifyAsync(e.EventId, NotificationKinds.AttemptGraded, e.PersonId, e.AccessRequestId, e.AgencyId, new()
        {
            ["outcome"] = e.Outcome.Replace("ATTEMPT_OUTCOME_", "", StringComparison.Ordinal),
            ["outcome_words"] = e.Outcome.Replace("ATTEMPT_OUTCOME_", "", StringComparison.Ordinal).Replace('_', ' ').ToLowerInvariant(),
            ["finding_count"] = e.FindingCount,
            ["attempts_left"] = e.AttemptsLeft,
        }, cancellationToken);

    public Task HandleAsync(AssessmentWalkthroughScheduled e, CancellationToken cancellationToken) =>
        NotifyAsync(e.EventId, NotificationKinds.WalkthroughScheduled, e.PersonId, e.AccessRequestId, e.AgencyId,
            new() { ["starts_at"] = Moment(e.StartsAt) }, cancellationToken);

    public Task HandleAsync(AssessmentExpired e, CancellationToken cancellationToken) =>
        NotifyAsync(e.EventId, NotificationKinds.AssignmentExpired, e.PersonId, e.AccessRequestId, e.AgencyId,
            new() { ["reason"] = e.Reason }, cancellationToken);

    public Task HandleAsync(AccountPendingAgreement e, CancellationToken cancellationToken) =>
        NotifyAsync(e.EventId, NotificationKinds.AgreementPending, e.PersonId, e.AccessRequestId, null, new(), cancellationToken);

    /// <summary>The person's e-mail carries their single-use activation link; their inbox and the ATA's never do.</summary>
    public async Task HandleAsync(CredentialsIssued e, CancellationToken cancellationToken)
    {
        var link = await activationLinks.IssueAsync(Guid.Parse(e.AccountId), cancellationToken);
        await notifier.NotifyAsync(Guid.Parse(e.EventId), NotificationKinds.CredentialsIssued, Guid.Parse(e.PersonId), Guid.Parse(e.AccessRequestId), null,
            new Dictionary<string, object?> { ["username"] = e.Username, ["link_sent"] = link is not null }, cancellationToken,
            userSecret: link is null ? null : new Dictionary<string, object?> { ["activation_link"] = link });
    }

    public Task HandleAsync(AtaTrainingDeadlineNotice e, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(Guid.Parse(e.EventId), NotificationKinds.AtaTrainingDeadline, null, null, Guid.Parse(e.AgencyId),
            new Dictionary<string, object?> { ["deadline"] = e.Deadline, ["missed"] = e.Missed, ["course"] = e.Course, ["ata_name"] = e.Ata.FullName },
            cancellationToken, ata: Recipient.OfAta(Guid.Parse(e.Ata.Id), e.Ata.Email, e.Ata.FullName));

    public Task HandleAsync(InactivityWarning e, CancellationToken cancellationToken) =>
        NotifyAsync(e.EventId, NotificationKinds.InactivityWarning, e.PersonId, e.AccessRequestId, e.AgencyId, new()
        {
            ["last_activity"] = Day(e.LastActivityAt),
            ["removal_due"] = Day(e.RemovalDueAt),
        }, cancellationToken);

    public Task HandleAsync(AccessRemoved e, CancellationToken cancellationToken) =>
        NotifyAsync(e.EventId, NotificationKinds.AccessRemoved, e.PersonId, e.AccessRequestId, e.AgencyId,
            new() { ["reason"] = e.Reason, ["removed_on"] = Day(e.OccurredAt) }, cancellationToken);

    private Task NotifyAsync(string eventId, string kind, string? personId, string accessRequestId, string? agencyId,
        Dictionary<string, object?> details, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(Guid.Parse(eventId), kind, string.IsNullOrEmpty(personId) ? null : Guid.Parse(personId), Guid.Parse(accessRequestId),
            string.IsNullOrEmpty(agencyId) ? null : Guid.Parse(agencyId), details, cancellationToken);

    private static string Day(Timestamp? at) => at is null ? "" : Continuum.DateOf(at.ToDateTimeOffset()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Moment(Timestamp? at) => at is null ? "" : Continuum.Describe(at.ToDateTimeOffset());
}
