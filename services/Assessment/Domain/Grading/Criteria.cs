namespace HmisPlatform.Assessment.Domain.Grading;

/// <summary>The evaluation criteria of the Sample Client Assignment (docs/process.md, step 3), as findings name them.</summary>
public static class Criteria
{
    public const string ClientProfile = "CLIENT_PROFILE";
    public const string Demographics = "DEMOGRAPHICS";
    public const string Household = "HOUSEHOLD";
    public const string ReleaseOfInformation = "RELEASE_OF_INFORMATION";
    public const string RecordLocking = "RECORD_LOCKING";
    public const string ProjectProvider = "PROJECT_PROVIDER";
    public const string Assessments = "ENTRY_INTERIM_EXIT";
    public const string LivingSituation = "PRIOR_VS_CURRENT_LIVING_SITUATION";
    public const string HudVerification = "HUD_VERIFICATION";
    public const string IncomeAndBenefits = "INCOME_AND_BENEFITS";
    public const string Consistency = "CONSISTENCY_ACROSS_ASSESSMENTS";
    public const string Exit = "EXIT_REASON_AND_DESTINATION";
    public const string ProjectSpecific = "PROJECT_SPECIFIC";
}
