using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Training.Domain.Catalog;

/// <summary>The courses named in the process document, and which project-specific course each project type takes.</summary>
public static class CourseCatalog
{
    public const string Introduction = "INTRO_HMIS";
    public const string IntroductionReadOnly = "INTRO_HMIS_READ_ONLY";
    public const string DataManagement = "DATA_MANAGEMENT";
    public const string FinalInstructions = "SAMPLE_CLIENT_FINAL_INSTRUCTIONS";

    public static IReadOnlyList<Course> Courses { get; } =
    [
        new(Introduction, "Introduction to HMIS", CourseKind.Prerequisite, 6),
        new(IntroductionReadOnly, "Introduction to HMIS (Read Only)", CourseKind.Prerequisite, 6),
        new(DataManagement, "Data Management", CourseKind.Core, 6),
        new("DROP_IN_DAY_SHELTER", "Drop-in/Day Shelter Workflow", CourseKind.ProjectSpecific, 3),
        new("ES_TH_SH", "Emergency Shelter (ES), Transitional Housing (TH) + Safe Haven (SH) Workflow Training", CourseKind.ProjectSpecific, 3),
        new("EMPLOYMENT_INCOME", "Employment and Income", CourseKind.ProjectSpecific, 3),
        new("PSH_RRH_FAMILIES", "Families - Permanent Housing and Rapid Rehousing Workflow Training", CourseKind.ProjectSpecific, 3),
        new("PSH_RRH_SINGLES", "Singles - Permanent Housing and Rapid Rehousing Workflow Training", CourseKind.ProjectSpecific, 3),
        new("HOUSING_SYSTEM_NAVIGATION", "Housing System Navigation", CourseKind.ProjectSpecific, 3),
        new("HPCC_HMIS_REVIEW", "HPCC HMIS Review", CourseKind.ProjectSpecific, 3),
        new("OUTREACH_PATH", "Outreach and/or PATH-funded project Workflow Training", CourseKind.ProjectSpecific, 3),
        new("SERVICES_ONLY", "Services Only", CourseKind.ProjectSpecific, 3),
        new("SSVF", "SSVF Workflow Training", CourseKind.ProjectSpecific, 3),
        new("STATE_HOMELESS_PREVENTION", "State Homeless Prevention Workflow", CourseKind.ProjectSpecific, 3),
        new("HOUSING_RESOURCE_SPECIALIST", "Housing Resource Specialist Training", CourseKind.Role, 3),
        new("HOUSING_SYSTEM_NAVIGATOR", "Housing System Navigator Training", CourseKind.Role, 3),
        new(FinalInstructions, "HMIS Sample Client - Final Instructions", CourseKind.Final, 3),
        new("ATA_HMIS_ACCESS_PROCESS", "HMIS Access Process", CourseKind.AtaTraining, 12),
    ];

    public const string HousingResourceSpecialist = "HOUSING_RESOURCE_SPECIALIST";
    public const string HousingSystemNavigator = "HOUSING_SYSTEM_NAVIGATOR";

    private static readonly Dictionary<ProjectType, string> ProjectCourse = new()
    {
        [ProjectType.DropInDayShelter] = "DROP_IN_DAY_SHELTER",
        [ProjectType.EmergencyShelter] = "ES_TH_SH",
        [ProjectType.EmploymentAndIncome] = "EMPLOYMENT_INCOME",
        [ProjectType.HousingPshRrhFamilies] = "PSH_RRH_FAMILIES",
        [ProjectType.HousingPshRrhSingles] = "PSH_RRH_SINGLES",
        [ProjectType.HousingSystemNavigation] = "HOUSING_SYSTEM_NAVIGATION",
        [ProjectType.Hpcc] = "HPCC_HMIS_REVIEW",
        [ProjectType.OutreachPath] = "OUTREACH_PATH",
        [ProjectType.ServicesOnly] = "SERVICES_ONLY",
        [ProjectType.Ssvf] = "SSVF",
        [ProjectType.StateHomelessPrevention] = "STATE_HOMELESS_PREVENTION",
        [ProjectType.CoordinatedEntry1474] = HousingResourceSpecialist,
    };

    /// <summary>
    /// The courses a project type adds to a path: its workflow course, and the role training some need in addition
    /// (Housing System Navigator for Housing System Navigation; 1474 is the Housing Resource Specialist training).
    /// </summary>
    public static IEnumerable<string> CoursesFor(ProjectType projectType) => projectType == ProjectType.HousingSystemNavigation
        ? [CourseFor(projectType), HousingSystemNavigator]
        : [CourseFor(projectType)];

    public static string CourseFor(ProjectType projectType) =>
        ProjectCourse.TryGetValue(projectType, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(projectType), projectType, "No course for this project type.");

    public static Course Find(string code) => Courses.Single(c => c.Code == code);
}
