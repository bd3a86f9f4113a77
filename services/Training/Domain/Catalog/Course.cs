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

    public const string InvalidTitleReason = "INVALID_TITLE";
    public const string InvalidValidityReason = "INVALID_VALIDITY";
    public const int MaxValidityMonths = 36;

    /// <summary>The HMIS team revises the title or how long a completion counts; the code and the kind stay.</summary>
    public void Revise(string title, int validityMonths)
    {
        var trimmed = title.Trim();
        if (trimmed.Length is 0 or > 200)
        {
            throw BuildingBlocks.Domain.DomainException.Invalid(InvalidTitleReason, "A title is 1 to 200 characters.",
                new BuildingBlocks.Domain.FieldViolation("title", "1 to 200 characters", InvalidTitleReason));
        }
        if (validityMonths is < 1 or > MaxValidityMonths)
        {
            throw BuildingBlocks.Domain.DomainException.Invalid(InvalidValidityReason, $"Validity is 1 to {MaxValidityMonths} months.",
                new BuildingBlocks.Domain.FieldViolation("validity_months", $"1 to {MaxValidityMonths}", InvalidValidityReason));
        }
        Title = trimmed;
        ValidityMonths = validityMonths;
    }

    /// <summary>Only Introduction to HMIS opens the others; a restricted course takes no progress.</summary>
    public bool IsRestrictedUntilIntroduction => Kind is CourseKind.ProjectSpecific or CourseKind.Role or CourseKind.Final;

    /// <summary>Introduction and Data Management: when they expire, the whole path starts over.</summary>
    public bool IsFoundation => Kind is CourseKind.Prerequisite or CourseKind.Core;
}
