namespace HmisPlatform.Training.Domain.Catalog;

/// <summary>A course of the CoC's LMS catalog.</summary>
public sealed class Course
{
    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public CourseKind Kind { get; private set; }

    /// <summary>How long a completion counts: 3 months for project courses, 6 for Introduction and Data Management.</summary>
    public int ValidityMonths { get; private set; }

    public Course(string code, string title, CourseKind kind, int validityMonths)
    {
        Code = code;
        Title = title;
        Kind = kind;
        ValidityMonths = validityMonths;
    }

    private Course()
    {
    }

    /// <summary>Only Introduction to HMIS opens the others; a restricted course takes no progress.</summary>
    public bool IsRestrictedUntilIntroduction => Kind is CourseKind.ProjectSpecific or CourseKind.Role or CourseKind.Final;
}
