namespace HmisPlatform.Notifications.Domain;

/// <summary>
/// What the platform tells, and to whom (issue "Notifications", the table): each kind names its template and its
/// audience. Every message names the agency and request it concerns and carries no more personal data than it needs.
/// </summary>
public static class NotificationKinds
{
    public const string ApprovedForTraining = "APPROVED_FOR_TRAINING";
    public const string InformationRequested = "INFORMATION_REQUESTED";
    public const string ResubmissionRequested = "RESUBMISSION_REQUESTED";
    public const string Denied = "DENIED";
    public const string RoutedToCeTeam = "ROUTED_TO_CE_TEAM";
    public const string TrainingReminder = "TRAINING_REMINDER";
    public const string SeatAvailable = "SEAT_AVAILABLE";
    public const string AttemptGraded = "ATTEMPT_GRADED";
    public const string WalkthroughScheduled = "WALKTHROUGH_SCHEDULED";
    public const string AssignmentExpired = "ASSIGNMENT_EXPIRED";
    public const string AgreementPending = "AGREEMENT_PENDING";
    public const string CredentialsIssued = "CREDENTIALS_ISSUED";
    public const string InactivityWarning = "INACTIVITY_WARNING";
    public const string AccessRemoved = "ACCESS_REMOVED";
    public const string AtaTrainingDeadline = "ATA_TRAINING_DEADLINE";
    public const string HelpDeskReady = "HELP_DESK_READY";
    public const string AccessExtended = "ACCESS_EXTENDED";
    public const string HelpDeskNotified = "HELP_DESK_NOTIFIED";
    public const string Digest = "DAILY_DIGEST";
    public const string AccessReviewReminder = "ACCESS_REVIEW_REMINDER";
    /// <summary>A person's invitation to set their password (the gateway asks; not an event's).</summary>
    public const string StaffInvited = "STAFF_INVITED";

    private static readonly Dictionary<string, Audience> Audiences = new(StringComparer.Ordinal)
    {
        [ApprovedForTraining] = Audience.User | Audience.Ata,
        [InformationRequested] = Audience.Ata,
        [ResubmissionRequested] = Audience.Ata,
        [Denied] = Audience.Ata,
        [RoutedToCeTeam] = Audience.Ata | Audience.CeTeam,
        [TrainingReminder] = Audience.User | Audience.Ata,
        [SeatAvailable] = Audience.User | Audience.Ata,
        [AttemptGraded] = Audience.User | Audience.Ata,
        [WalkthroughScheduled] = Audience.User | Audience.Ata,
        [AssignmentExpired] = Audience.User | Audience.Ata,
        [AgreementPending] = Audience.User | Audience.Ata,
        [CredentialsIssued] = Audience.User | Audience.Ata,
        [InactivityWarning] = Audience.User | Audience.Ata,
        [AccessRemoved] = Audience.User | Audience.Ata,
        [AtaTrainingDeadline] = Audience.Ata | Audience.HmisTeam,
        [HelpDeskReady] = Audience.Ata,
        [AccessExtended] = Audience.User | Audience.Ata,
        [HelpDeskNotified] = Audience.HmisTeam,
        [AccessReviewReminder] = Audience.Ata | Audience.HmisTeam,
        [StaffInvited] = Audience.User,
    };

    public static IReadOnlyCollection<string> All => Audiences.Keys;

    public static Audience AudienceOf(string kind) => Audiences[kind];

    /// <summary>The kind a request's status change is told as, if it is one anybody hears about.</summary>
    public static string? OfStatusChange(string action, string toStatus) => (action, toStatus) switch
    {
        ("REQUEST_INFORMATION", _) => InformationRequested,
        ("REQUEST_RESUBMISSION", _) => ResubmissionRequested,
        ("DENY" or "CE_DENY", _) => Denied,
        (_, "ACCESS_REQUEST_STATUS_AWAITING_CE_DECISION") => RoutedToCeTeam,
        _ => null,
    };
}
