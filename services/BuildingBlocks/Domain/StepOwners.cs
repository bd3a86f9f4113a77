namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// Each step of the process is done by the person it belongs to: the user takes the courses (the LMS reports their
/// progress, or the HMIS team records it), does the Sample Client Assignment and signs the End User Agreement; an ATA
/// or Supervisor of the user's agency who is not the user confirms it. An agency's system does a person's step only
/// with that person's own sign-in (its token then names the person); with its own token it acts for the agency alone.
/// </summary>
public static class StepOwners
{
    public const string OnlyTheLmsReportsProgressReason = "ONLY_LMS_REPORTS_PROGRESS";
    public const string OnlyTheTraineeReason = "ONLY_THE_TRAINEE";
    public const string OnlyTheUserSignsReason = "ONLY_THE_USER_SIGNS";
    public const string OnlyAnotherAdministratorConfirmsReason = "ONLY_ATA_OR_SUPERVISOR_CONFIRMS";

    /// <summary>
    /// Course progress comes from the LMS's integration or the HMIS team, never from the agency. The CE team, which
    /// trains Housing Resource Specialists and Housing System Navigators, records those role courses.
    /// </summary>
    public static Caller EnsureReportsProgress(this Caller caller, bool ceTrainedCourse = false) =>
        caller.IsLms || caller.IsHmisTeam || (ceTrainedCourse && caller.IsCeTeam)
            ? caller
            : throw DomainException.PermissionDenied(OnlyTheLmsReportsProgressReason, "Course progress comes from the LMS or the HMIS team (the CE team records its role training).");

    /// <summary>The trainee's own assignment work (choosing a scenario, submitting an attempt) is theirs alone.</summary>
    /// <param name="doing">What the trainee does, for the message: "submits attempts".</param>
    public static Caller EnsureIsTrainee(this Caller caller, Guid personId, string doing) =>
        caller.IsPerson(personId)
            ? caller
            : throw DomainException.PermissionDenied(OnlyTheTraineeReason, $"Only the trainee, signed in themselves, {doing}.");

    /// <summary>The user signs their End User Agreement themselves; nobody signs for them.</summary>
    public static Caller EnsureIsUserSigning(this Caller caller, Guid personId) =>
        caller.IsPerson(personId)
            ? caller
            : throw DomainException.PermissionDenied(OnlyTheUserSignsReason, "Only the user, signed in themselves, signs their End User Agreement.");

    /// <summary>An ATA or Supervisor of the user's agency, who is not the user, confirms receipt of the signed agreement.</summary>
    public static Caller EnsureConfirmsAgreement(this Caller caller, Guid agencyId, Guid personId) =>
        caller.IsAdministratorOf(agencyId) && !caller.IsPerson(personId)
            ? caller
            : throw DomainException.PermissionDenied(OnlyAnotherAdministratorConfirmsReason,
                "Only an ATA or Supervisor of the agency, other than the user, confirms an agreement.");
}
