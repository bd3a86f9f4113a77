using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;

namespace HmisPlatform.Credentialing.Domain.Reviews;

/// <summary>What was decided for an account in a review. Stored by these numbers.</summary>
public enum ReviewDecision
{
    /// <summary>Not decided yet.</summary>
    Unspecified = 0,
    Confirmed = 1,
    Removed = 2,
}

/// <summary>
/// One active account of a review: confirmed or removed by its agency's ATA or Supervisor until the deadline, by the
/// HMIS team at any time. A removal needs a reason and is the account's deactivation. A decision is final.
/// </summary>
public sealed class AccessReviewItem
{
    public const string DecisionRequiredReason = "REVIEW_DECISION_REQUIRED";
    public const string ReasonRequiredReason = "REMOVAL_REASON_REQUIRED";
    public const string AlreadyDecidedReason = "ACCESS_REVIEW_ITEM_DECIDED";
    public const string DeadlinePassedReason = "ACCESS_REVIEW_DEADLINE_PASSED";
    public const string NotYoursReason = "NOT_PERMITTED_TO_REVIEW";

    public long Id { get; private set; }

    public Guid ReviewId { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid AgencyId { get; private set; }

    public ReviewDecision Decision { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? Reason { get; private set; }

    public AccessReviewItem(Guid reviewId, Guid accountId, Guid agencyId) => (ReviewId, AccountId, AgencyId) = (reviewId, accountId, agencyId);

    private AccessReviewItem()
    {
    }

    /// <summary>
    /// Confirms or removes the account; returns false when it was decided so already (a retry). A removal deactivates
    /// the account (it may be removed already, by another route: then only the review records it).
    /// </summary>
    public bool Decide(ReviewDecision decision, string reason, AccessReview review, HmisAccount account, Caller caller, DateTimeOffset now)
    {
        if (decision is not (ReviewDecision.Confirmed or ReviewDecision.Removed))
        {
            throw DomainException.Invalid(DecisionRequiredReason, "Confirm or remove.", new FieldViolation("decision", "CONFIRMED or REMOVED", DecisionRequiredReason));
        }
        if (!caller.IsHmisTeam && !caller.IsAdministratorOf(AgencyId))
        {
            throw DomainException.PermissionDenied(NotYoursReason, "Only the agency's ATA or Supervisor, or the HMIS team, reviews its accounts.");
        }
        if (Decision == decision)
        {
            return false;
        }
        if (Decision != ReviewDecision.Unspecified)
        {
            throw DomainException.Precondition(AlreadyDecidedReason, "This account was decided in this review already.",
                new PreconditionViolation("ACCESS_REVIEW_ITEM", $"access-reviews/{ReviewId}/items/{AccountId}", $"decided {Decision}"));
        }
        if (!caller.IsHmisTeam && review.IsOverdue(Continuum.DateOf(now)))
        {
            throw DomainException.Precondition(DeadlinePassedReason, "The review's deadline has passed; the HMIS team decides the accounts still pending.",
                new PreconditionViolation("ACCESS_REVIEW", $"access-reviews/{ReviewId}", $"deadline {review.Deadline:yyyy-MM-dd}"));
        }
        var why = reason.Trim();
        if (decision == ReviewDecision.Removed)
        {
            if (why.Length is 0 or > HmisAccount.MaxRemovalNoteLength)
            {
                throw DomainException.Invalid(ReasonRequiredReason, "Say why the access is removed.",
                    new FieldViolation("reason", $"1 to {HmisAccount.MaxRemovalNoteLength} characters", ReasonRequiredReason));
            }
            if (account.Status != AccountStatus.Removed)
            {
                account.Deactivate(caller, RemovalReason.AccessReview, why, now);
            }
        }
        (Decision, DecidedBy, DecidedAt, Reason) = (decision, caller.Subject, now, decision == ReviewDecision.Removed ? why : null);
        return true;
    }
}
