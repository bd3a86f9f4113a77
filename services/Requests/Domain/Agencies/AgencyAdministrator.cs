using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Journeys;

namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>
/// An ATA (validates new hires, submits their requests) or Supervisor of an agency. The id is the person's staff
/// account id at the gateway, so a signed-in ATA is recognised by their token.
/// </summary>
public sealed class AgencyAdministrator
{
    public const string TrainingIncompleteReason = "ATA_TRAINING_INCOMPLETE";
    public const string NotAnAtaReason = "SUBMITTER_NOT_ATA";
    public const string RoleRequiredReason = "ADMINISTRATOR_ROLE_REQUIRED";
    public const string TrainingKindRequiredReason = "ATA_TRAINING_KIND_REQUIRED";
    public const string FutureDateReason = "DATE_IN_FUTURE";

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string FullName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public AdministratorRole Role { get; private set; }

    public DateOnly AppointedOn { get; private set; }

    public AtaTrainingKind TrainingKind { get; private set; }

    public DateOnly? TrainingCompletedOn { get; private set; }

    /// <summary>The last notice of the training deadline this ATA was sent: each is sent once.</summary>
    public AtaTrainingNotice TrainingNoticeSent { get; private set; }

    public AgencyAdministrator(Guid id, Guid agencyId, string fullName, string email, AdministratorRole role, DateOnly appointedOn)
    {
        if (role == AdministratorRole.Unspecified)
        {
            throw DomainException.Invalid(RoleRequiredReason, "Say whether the person is an ATA or a Supervisor.", new FieldViolation("role", "required", RoleRequiredReason));
        }
        Id = id;
        AgencyId = agencyId;
        FullName = fullName;
        Email = email;
        Role = role;
        AppointedOn = appointedOn;
    }

    private AgencyAdministrator()
    {
    }

    public void RecordTraining(AtaTrainingKind kind, DateOnly completedOn, DateOnly today)
    {
        if (kind == AtaTrainingKind.Unspecified)
        {
            throw DomainException.Invalid(TrainingKindRequiredReason, "Say whether it was the live session or the LMS course.", new FieldViolation("kind", "required", TrainingKindRequiredReason));
        }
        if (completedOn > today)
        {
            throw DomainException.Invalid(FutureDateReason, "Training cannot be completed in the future.", new FieldViolation("completed_on", "not after today", FutureDateReason));
        }
        TrainingKind = kind;
        TrainingCompletedOn = completedOn;
    }

    /// <summary>A corrected name or role (the go-live import); returns whether anything changed.</summary>
    public bool Revise(string fullName, AdministratorRole role)
    {
        if (FullName == fullName && Role == role)
        {
            return false;
        }
        (FullName, Role) = (fullName, role);
        return true;
    }

    public DateOnly TrainingDeadline(AtaTrainingCalendar calendar) => calendar.DeadlineFor(AppointedOn);

    public AtaCompliance Compliance(AtaTrainingCalendar calendar, DateOnly today) =>
        Role != AdministratorRole.Ata || TrainingCompletedOn is not null ? AtaCompliance.Compliant
        : today <= TrainingDeadline(calendar) ? AtaCompliance.Due
        : AtaCompliance.Overdue;

    /// <summary>
    /// The notice of the training deadline due today, if one is not sent yet: a reminder from
    /// <see cref="AtaTrainingCalendar.ReminderDaysBefore"/> days before it, and the notice that it was missed the day
    /// after. Only ATAs without the training hear about it; one who is already past the deadline hears only that.
    /// </summary>
    public AtaTrainingNotice TrainingNoticeDue(AtaTrainingCalendar calendar, DateOnly today)
    {
        if (Role != AdministratorRole.Ata || TrainingCompletedOn is not null)
        {
            return AtaTrainingNotice.None;
        }
        var deadline = TrainingDeadline(calendar);
        var due = today > deadline ? AtaTrainingNotice.Missed
            : today >= deadline.AddDays(-calendar.ReminderDaysBefore) ? AtaTrainingNotice.Approaching
            : AtaTrainingNotice.None;
        return due > TrainingNoticeSent ? due : AtaTrainingNotice.None;
    }

    /// <summary>Records that the notice was sent, so it is not sent again.</summary>
    public void TrainingNoticeWasSent(AtaTrainingNotice notice)
    {
        if (notice > TrainingNoticeSent)
        {
            TrainingNoticeSent = notice;
        }
    }

    /// <summary>
    /// Whether this person may submit a request today: only an ATA, and from the implementation date on only one
    /// whose training is not overdue. In the transition the request is taken with a warning, which this returns.
    /// </summary>
    public IReadOnlyList<string> EnsureMaySubmit(AtaTrainingCalendar calendar, DateOnly today)
    {
        if (Role != AdministratorRole.Ata)
        {
            throw DomainException.PermissionDenied(NotAnAtaReason, "Only the agency's ATA submits requests.");
        }
        if (Compliance(calendar, today) != AtaCompliance.Overdue)
        {
            return [];
        }
        return calendar.InForce(today)
            ? throw DomainException.Precondition(TrainingIncompleteReason,
                "The ATA did not complete the ATA training (live session or the LMS course \"HMIS Access Process\") by the deadline.",
                new PreconditionViolation("ATA_TRAINING", $"agency-administrators/{Id}", $"deadline {IsoDate.Format(TrainingDeadline(calendar))} passed"))
            : [TrainingIncompleteReason];
    }
}

/// <summary>Where an untrained ATA stands with the notices of their training deadline; ordered, each sent once.</summary>
public enum AtaTrainingNotice
{
    None = 0,
    /// <summary>The deadline is near.</summary>
    Approaching = 1,
    /// <summary>The deadline passed.</summary>
    Missed = 2,
}
