using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// Who takes the Sample Client Assignment. Housing Resource Specialist training (1474) and Housing System Navigator
/// training come "in addition to or instead of" it, depending on need: for that access the reviewer (the CE team for
/// 1474) may waive it. The assignment checks client data entry, so access without it takes none.
/// </summary>
public static class AssessmentWaiver
{
    public const string NotAllowedReason = "ASSESSMENT_WAIVER_NOT_ALLOWED";

    /// <summary>Whether a reviewer may waive the assignment for this access.</summary>
    public static bool MayBeWaived(RequestType type, IReadOnlyCollection<ProjectType> projectTypes) =>
        type == RequestType.HrsCe1474 || projectTypes.Contains(ProjectType.CoordinatedEntry1474) || projectTypes.Contains(ProjectType.HousingSystemNavigation);

    public static void EnsureMayBeWaived(RequestType type, IReadOnlyCollection<ProjectType> projectTypes)
    {
        if (!MayBeWaived(type, projectTypes))
        {
            throw DomainException.Invalid(NotAllowedReason,
                "Only HRS / 1474 and Housing System Navigation access may skip the Sample Client Assignment at review.",
                new FieldViolation("waive_assessment", "only for HRS / 1474 or Housing System Navigation access", NotAllowedReason));
        }
    }

    /// <summary>Whether the access enters client data, which is what the assignment checks.</summary>
    public static bool EntersClientData(IReadOnlyCollection<Responsibility> responsibilities) => responsibilities.Contains(Responsibility.EnterClientData);
}
