using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;

namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>Which sub-assessment each source belongs to.</summary>
public static class Sources
{
    public static readonly SubAssessmentKind[] VerifiedKinds = [SubAssessmentKind.Income, SubAssessmentKind.NonCashBenefits, SubAssessmentKind.HealthInsurance];

    public static SubAssessmentKind KindOf(BenefitSource source) => (int)source switch
    {
        > 0 and < 20 => SubAssessmentKind.Income,
        >= 20 and < 40 => SubAssessmentKind.NonCashBenefits,
        >= 40 => SubAssessmentKind.HealthInsurance,
        _ => SubAssessmentKind.Unspecified,
    };
}
