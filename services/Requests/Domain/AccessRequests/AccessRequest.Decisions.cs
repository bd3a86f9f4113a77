using System.Diagnostics.CodeAnalysis;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using AgencyAdministrator = HmisPlatform.Requests.Domain.Agencies.AgencyAdministrator;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>What a review decided beyond the request's own state: credits to reserve, people approved.</summary>
public sealed record ReviewEffects(bool ReservesCredits, IReadOnlyList<RequestedUser> Approved);

public sealed partial class AccessRequest
{
    public const string ReasonRequiredReason = "REASON_REQUIRED";
    public const string OutcomeRequiredReason = "REVIEW_OUTCOME_REQUIRED";
    public const string DecisionRequiredReason = "CE_DECISION_REQUIRED";
    public const string SelfReviewReason = "SELF_REVIEW_NOT_ALLOWED";
    public const string CeTeamOnlyReason = "CE_TEAM_ONLY";
    public const string EtagRequiredReason = "ETAG_REQUIRED";
    public const string StaleEtagReason = "STALE_ETAG";
    public const string NotInReviewReason = "NOT_IN_REVIEW";
    public const string CreditsNotConfirmedReason = "CREDITS_NOT_CONFIRMED";
    public const string CreditsAlreadyConfirmedReason = "CREDITS_ALREADY_CONFIRMED";
    public const string CeApprovalRequiredReason = "CE_APPROVAL_REQUIRED";
    public const string OutcomeNotForPathReason = "OUTCOME_NOT_FOR_TRANSFER_PATH";
    public const string RequiredFormInvalidReason = "REQUIRED_FORM_INVALID";
    public const string InformationRequiredReason = "INFORMATION_REQUIRED";
    public const string CreditsNotUsedReason = "CREDITS_NOT_USED";

    /// <summary>Records one HMIS team review outcome on the version of the request the reviewer saw.</summary>
    public ReviewEffects Review(ReviewOutcome outcome, string reason, RequestType requiredForm, string etag, Caller reviewer, DateTimeOffset now,
        bool waiveAssessment = false)
    {
        reviewer.EnsureHmisTeam("reviews requests");
        PlainText.EnsureFits(reason, "reason");
        if (reviewer.Subject == SubmittedBy)
        {
            throw DomainException.PermissionDenied(SelfReviewReason, "A reviewer may not decide a request they submitted.");
        }
        EnsureEtag(etag);
        if (outcome == ReviewOutcome.Unspecified)
        {
            throw DomainException.Invalid(OutcomeRequiredReason, "Choose a review outcome.", new FieldViolation("outcome", "required", OutcomeRequiredReason));
        }
        EnsureStatus(AccessRequestStatus.Submitted, "in the HMIS team's queue");
        if (waiveAssessment && outcome != ReviewOutcome.ConfirmEnrolments)
        {
            throw DomainException.Invalid(AssessmentWaiver.NotAllowedReason, "The assignment is waived when confirming enrolments.",
                new FieldViolation("waive_assessment", "only with CONFIRM_ENROLMENTS", AssessmentWaiver.NotAllowedReason));
        }
        if (RefusalOf(outcome) is { } refused)
        {
            throw Refusal(refused);
        }
        var action = EnumNames.UpperSnake(outcome);
        switch (outcome)
        {
            case ReviewOutcome.ConfirmCreditUse:
                CreditsConfirmedAt = now;
                Record(reviewer, Status, action, reason, now);
                return new ReviewEffects(ReservesCredits: true, []);
            case ReviewOutcome.ConfirmEnrolments or ReviewOutcome.CreateAccounts:
                if (waiveAssessment)
                {
                    AssessmentWaiver.EnsureMayBeWaived(Type, ProjectTypes);
                    AssessmentWaived = true;
                }
                MoveTo(AccessRequestStatus.InProgress, reviewer, action, reason, now);
                return new ReviewEffects(false, Users);
            case ReviewOutcome.RequestInformation:
                RequireReason(reason, "Say what information is needed.");
                MoveTo(AccessRequestStatus.InformationRequested, reviewer, action, reason, now);
                break;
            case ReviewOutcome.RequestResubmission:
                RequireReason(reason, "Say why another form applies.");
                if (requiredForm == RequestType.Unspecified || requiredForm == Type)
                {
                    throw DomainException.Invalid(RequiredFormInvalidReason, "Name the form the ATA must use, another than this one.",
                        new FieldViolation("required_form", "another form than the request's", RequiredFormInvalidReason));
                }
                RequiredForm = requiredForm;
                MoveTo(AccessRequestStatus.ResubmissionRequested, reviewer, action, reason, now);
                break;
            case ReviewOutcome.RouteToCeTeam:
                MoveTo(AccessRequestStatus.AwaitingCeDecision, reviewer, action, reason, now);
                break;
            case ReviewOutcome.Deny:
                RequireReason(reason, "A denial must say why.");
                MoveTo(AccessRequestStatus.Denied, reviewer, action, reason, now);
                break;
            default:
                throw DomainException.Invalid(OutcomeRequiredReason, "Choose a review outcome.", new FieldViolation("outcome", "not a known outcome", OutcomeRequiredReason));
        }
        return new ReviewEffects(false, []);
    }

    /// <summary>The CE team approves an HRS / 1474 request (back to the HMIS team, who may now license it) or denies it.</summary>
    public void CeDecide(CeDecision decision, string reason, string etag, Caller decider, DateTimeOffset now, bool waiveAssessment = false)
    {
        if (!decider.IsCeTeam)
        {
            throw DomainException.PermissionDenied(CeTeamOnlyReason, "Only the CE team decides HRS / 1474 requests.");
        }
        PlainText.EnsureFits(reason, "reason");
        EnsureEtag(etag);
        EnsureStatus(AccessRequestStatus.AwaitingCeDecision, "in the CE team's queue");
        switch (decision)
        {
            case CeDecision.Approve:
                if (waiveAssessment)
                {
                    AssessmentWaiver.EnsureMayBeWaived(Type, ProjectTypes);
                    AssessmentWaived = true;
                }
                CeApprovedAt = now;
                MoveTo(AccessRequestStatus.Submitted, decider, RequestActions.CeApprove, reason, now);
                break;
            case CeDecision.Deny:
                RequireReason(reason, "A denial must say why.");
                MoveTo(AccessRequestStatus.Denied, decider, RequestActions.CeDeny, reason, now);
                break;
            default:
                throw DomainException.Invalid(DecisionRequiredReason, "Approve or deny.", new FieldViolation("decision", "required", DecisionRequiredReason));
        }
    }

    /// <summary>The ATA answers the HMIS team's question; the request returns to the queue and its clock runs again.</summary>
    public void ProvideInformation(string information, Caller ata, DateTimeOffset now)
    {
        EnsureStatus(AccessRequestStatus.InformationRequested, "waiting on the ATA for information");
        if (string.IsNullOrWhiteSpace(information) || information.Trim().Length > Submission.MaxNoteLength)
        {
            throw DomainException.Invalid(InformationRequiredReason, "Give the information asked for.",
                new FieldViolation("information", $"required, at most {Submission.MaxNoteLength} characters", InformationRequiredReason));
        }
        InformationProvided = information.Trim();
        MoveTo(AccessRequestStatus.Submitted, ata, RequestActions.InformationProvided, null, now);
    }

    public const string ValidatorNotAdministratorReason = "VALIDATOR_NOT_ADMINISTRATOR";
    public const string SelfValidationReason = "SELF_VALIDATION_NOT_ALLOWED";
    public const string RequestClosedReason = "REQUEST_CLOSED";

    /// <summary>
    /// An ATA or Supervisor of the agency, signed in as themselves and not one of the request's people, validates its
    /// people as the agency's new hires, while the request is open. Returns false when they had already (nothing changes).
    /// </summary>
    /// <param name="administrator">The caller's own record as an administrator of an agency, if they have one.</param>
    public bool ValidateNewHire([NotNullWhen(true)] AgencyAdministrator? administrator, Caller caller, DateTimeOffset now)
    {
        if (administrator is null || !caller.IsPerson(administrator.Id) || !caller.IsAdministratorOf(AgencyId) || administrator.AgencyId != AgencyId)
        {
            throw DomainException.PermissionDenied(ValidatorNotAdministratorReason,
                "Only an ATA or Supervisor of the agency, signed in as themselves, validates its new hires.");
        }
        if (_users.Any(u => u.PersonId == administrator.Id))
        {
            throw DomainException.PermissionDenied(SelfValidationReason, "Nobody validates themselves as a new hire.");
        }
        if (!AccessRequestStatusMachine.Open.Contains(Status))
        {
            throw DomainException.Precondition(RequestClosedReason, "The request is closed; there is nothing to validate.",
                new PreconditionViolation("STATUS", $"access-requests/{Id}", $"{Status} is closed"));
        }
        if (_validations.Any(v => v.AdministratorId == administrator.Id))
        {
            return false;
        }
        _validations.Add(new NewHireValidation(administrator.Id, administrator.FullName, administrator.Role, now));
        Record(caller, Status, RequestActions.NewHireValidated, null, now);
        return true;
    }

    /// <summary>The ATA withdraws a request not yet approved.</summary>
    public void Withdraw(string reason, Caller ata, DateTimeOffset now)
    {
        PlainText.EnsureFits(reason, "reason");
        MoveTo(AccessRequestStatus.Withdrawn, ata, RequestActions.Withdraw, reason, now);
    }

    /// <summary>
    /// One person's way to step 4 ended (training or assignment lapsed): they leave the request, and the ATA may
    /// request again for them. The others of a bundle go on; when nobody is left on the way, the request expires,
    /// or completes if the others have their credentials. Returns whether anything changed (a repeat changes nothing).
    /// </summary>
    public bool Lapse(Guid personId, string why, IReadOnlySet<Guid> peopleWithCredentials, Caller platform, DateTimeOffset now)
    {
        var user = _users.SingleOrDefault(u => u.PersonId == personId);
        if (Status != AccessRequestStatus.InProgress || user is null || user.LapsedAt is not null || peopleWithCredentials.Contains(personId))
        {
            return false;
        }
        user.Lapse(now);
        Record(platform, Status, RequestActions.PersonLapsed, why, now);
        if (_users.All(u => u.LapsedAt is not null))
        {
            MoveTo(AccessRequestStatus.Expired, platform, RequestActions.Expire, why, now);
        }
        else
        {
            CompleteIfAllIssued(peopleWithCredentials, platform, now);
        }
        return true;
    }

    /// <summary>Closes the request once every user on it still on their way has live credentials.</summary>
    public bool CompleteIfAllIssued(IReadOnlySet<Guid> peopleWithCredentials, Caller platform, DateTimeOffset now)
    {
        var onTheirWay = _users.Where(u => u.LapsedAt is null).ToList();
        if (Status != AccessRequestStatus.InProgress || onTheirWay.Count == 0 || !onTheirWay.All(u => peopleWithCredentials.Contains(u.PersonId)))
        {
            return false;
        }
        MoveTo(AccessRequestStatus.Completed, platform, RequestActions.Completed, null, now);
        return true;
    }

    private void EnsureEtag(string etag)
    {
        if (string.IsNullOrWhiteSpace(etag))
        {
            throw DomainException.Invalid(EtagRequiredReason, "A decision carries the etag of the request it was made on.", new FieldViolation("etag", "required", EtagRequiredReason));
        }
        if (etag != Etag)
        {
            throw DomainException.Precondition(StaleEtagReason, "The request changed since you read it; read it again and decide on what it is now.",
                new PreconditionViolation("ETAG", $"access-requests/{Id}", "the request changed since this etag"));
        }
    }

    private void EnsureStatus(AccessRequestStatus expected, string where)
    {
        if (Status != expected)
        {
            throw DomainException.Precondition(NotInReviewReason, $"The request is not {where}.",
                new PreconditionViolation("STATUS", $"access-requests/{Id}", $"status is {Status}"));
        }
    }

    /// <summary>The review outcomes in the order the HMIS team records them.</summary>
    private static readonly ReviewOutcome[] ReviewOrder =
    [
        ReviewOutcome.ConfirmCreditUse, ReviewOutcome.ConfirmEnrolments, ReviewOutcome.CreateAccounts, ReviewOutcome.RequestInformation,
        ReviewOutcome.RequestResubmission, ReviewOutcome.RouteToCeTeam, ReviewOutcome.Deny,
    ];

    /// <summary>What the request takes now, by its status and the rules of review: what a client may offer.</summary>
    public AllowedActions Allowed() => new(
        Status == AccessRequestStatus.Submitted ? [.. ReviewOrder.Where(o => RefusalOf(o) is null)] : [],
        CeDecision: Status == AccessRequestStatus.AwaitingCeDecision,
        ProvideInformation: Status == AccessRequestStatus.InformationRequested,
        Withdraw: AccessRequestStatusMachine.CanMove(Status, AccessRequestStatus.Withdrawn),
        ValidateNewHire: AccessRequestStatusMachine.Open.Contains(Status));

    /// <summary>
    /// Why an outcome does not fit the request as it stands (its reason code), or null when it does. Credit use is
    /// confirmed once, and only on the forms that use credits; the enrolments (or a full transfer's accounts) wait for
    /// it; HRS / 1474 access waits for the CE team's approval before any of the three.
    /// </summary>
    private string? RefusalOf(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.ConfirmCreditUse when !UsesCredits => CreditsNotUsedReason,
        ReviewOutcome.ConfirmEnrolments or ReviewOutcome.CreateAccounts when (TransferPath == TransferPath.FullTransfer) != (outcome == ReviewOutcome.CreateAccounts) =>
            OutcomeNotForPathReason,
        ReviewOutcome.ConfirmCreditUse or ReviewOutcome.ConfirmEnrolments or ReviewOutcome.CreateAccounts when Type == RequestType.HrsCe1474 && CeApprovedAt is null =>
            CeApprovalRequiredReason,
        ReviewOutcome.ConfirmCreditUse when CreditsConfirmedAt is not null => CreditsAlreadyConfirmedReason,
        ReviewOutcome.ConfirmEnrolments or ReviewOutcome.CreateAccounts when CreditsConfirmedAt is null && UsesCredits => CreditsNotConfirmedReason,
        _ => null,
    };

    /// <summary>The refusal of a review outcome, built only when it is thrown (listing what a request allows builds none).</summary>
    private DomainException Refusal(string reason) => reason switch
    {
        CreditsNotUsedReason => DomainException.Precondition(reason, "New project access extends current accounts: no credit is used.",
            new PreconditionViolation("CREDITS", $"access-requests/{Id}", "no credit for this form")),
        OutcomeNotForPathReason => DomainException.Precondition(reason,
            TransferPath == TransferPath.FullTransfer ? "A full transfer needs no training: create the accounts." : "Only a full transfer skips training: confirm the enrolments.",
            new PreconditionViolation("TRANSFER_PATH", $"access-requests/{Id}", $"transfer path is {TransferPath}")),
        CeApprovalRequiredReason => DomainException.Precondition(reason, "HRS / 1474 access needs the CE team's approval before the HMIS team licenses it.",
            new PreconditionViolation("CE_APPROVAL", $"access-requests/{Id}", "not approved by the CE team")),
        CreditsAlreadyConfirmedReason => DomainException.Precondition(reason, "Credit use is confirmed already."),
        _ => DomainException.Precondition(reason, "Confirm credit use before approving: each account costs the agency one credit.",
            new PreconditionViolation("CREDITS", $"access-requests/{Id}", "credit use not confirmed")),
    };

    private static void RequireReason(string reason, string message)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw DomainException.Invalid(ReasonRequiredReason, message, new FieldViolation("reason", "required for this outcome", ReasonRequiredReason));
        }
    }
}
