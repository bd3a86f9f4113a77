namespace HmisPlatform.Training.Domain.Catalog;

/// <summary>The part a course plays in a learning path.</summary>
public enum CourseKind
{
    /// <summary>Introduction to HMIS: every project course is restricted until it is complete.</summary>
    Prerequisite = 1,
    /// <summary>Data Management.</summary>
    Core = 2,
    /// <summary>A workflow course for one project type.</summary>
    ProjectSpecific = 3,
    /// <summary>Training for a role: Housing Resource Specialist, Housing System Navigator.</summary>
    Role = 4,
    /// <summary>HMIS Sample Client – Final Instructions.</summary>
    Final = 5,
    /// <summary>The ATA's own course, "HMIS Access Process".</summary>
    AtaTraining = 6,
}
