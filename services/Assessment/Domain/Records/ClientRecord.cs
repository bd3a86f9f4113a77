using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// A sample client's record in the training site: what a trainee enters, and what the model answer of a scenario
/// variant holds. The grader compares the two.
/// </summary>
public sealed record ClientRecord(
    PersonProfile Client,
    RelationshipToHead ClientRelationship,
    IReadOnlyList<HouseholdMember> Members,
    ReleaseOfInformation? Release,
    bool Locked,
    Enrollment Enrollment)
{
    /// <summary>Everyone in the household with their relationship to its head, the client first.</summary>
    public IEnumerable<HouseholdMember> Household => Members.Prepend(new HouseholdMember(Client, ClientRelationship));

    public IEnumerable<AssessmentEntry> AssessmentsAt(AssessmentStage stage) => Enrollment.Assessments.Where(a => a.Stage == stage);
}

/// <summary>The HUD universal data elements of one person.</summary>
public sealed record PersonProfile(
    string FirstName,
    string LastName,
    DataQuality NameQuality,
    DateOnly? DateOfBirth,
    string Ssn,
    DataQuality SsnQuality,
    IReadOnlyCollection<Race> Races,
    IReadOnlyCollection<Gender> Genders,
    YesNo Veteran)
{
    /// <summary>Whether this is the same person, by name (case aside) and date of birth.</summary>
    public bool IsSamePersonAs(PersonProfile other) =>
        string.Equals(FirstName, other.FirstName, StringComparison.OrdinalIgnoreCase)
        && string.Equals(LastName, other.LastName, StringComparison.OrdinalIgnoreCase)
        && DateOfBirth == other.DateOfBirth;

    public string FullName => $"{FirstName} {LastName}";
}

public sealed record HouseholdMember(PersonProfile Person, RelationshipToHead Relationship);

public sealed record ReleaseOfInformation(DateOnly Start, DateOnly End);

public sealed record Enrollment(
    ProjectType ProjectType,
    string Provider,
    DateOnly StartDate,
    IReadOnlyList<AssessmentEntry> Assessments,
    DateOnly? ExitDate,
    IReadOnlyList<Stay> Stays,
    IReadOnlyList<ServiceTransaction> Services);

/// <summary>An entry, interim or exit assessment.</summary>
public sealed record AssessmentEntry(
    AssessmentStage Stage,
    DateOnly Date,
    YesNo DisablingCondition,
    LivingSituation PriorLivingSituation,
    LivingSituation CurrentLivingSituation,
    IReadOnlyList<SubAssessmentEntry> SubAssessments,
    DateOnly? MoveInDate = null,
    ExitReason ReasonForLeaving = ExitReason.Unspecified,
    LivingSituation Destination = LivingSituation.Unspecified)
{
    public SubAssessmentEntry? Of(SubAssessmentKind kind) => SubAssessments.FirstOrDefault(s => s.Kind == kind);
}

/// <summary>Income, non-cash benefits or health insurance: its sources, and whether HUD verification was completed.</summary>
public sealed record SubAssessmentEntry(SubAssessmentKind Kind, bool Verified, IReadOnlyList<SourceEntry> Entries)
{
    /// <summary>The sources that apply on a day.</summary>
    public IEnumerable<SourceEntry> On(DateOnly day) => Entries.Where(e => e.Covers(day));
}

public sealed record SourceEntry(BenefitSource Source, int MonthlyAmount, DateOnly Start, DateOnly? End)
{
    public bool Covers(DateOnly day) => Start <= day && (End is null || day <= End);

    public bool Overlaps(SourceEntry other) =>
        Start <= (other.End ?? DateOnly.MaxValue) && other.Start <= (End ?? DateOnly.MaxValue);
}

public sealed record Stay(DateOnly CheckIn, DateOnly? CheckOut);

public sealed record ServiceTransaction(ServiceType Type, DateOnly Date, int Amount);

/// <summary>How large an entered record may be; anything larger is refused before it is graded.</summary>
public static class RecordLimits
{
    public const string InvalidRecordReason = "RECORD_INVALID";
    public const int MaxText = 100;
    public const int MaxMembers = 12;
    public const int MaxAssessments = 10;
    public const int MaxEntries = 20;
    public const int MaxStays = 200;
    public const int MaxServices = 200;
}
