using System.Globalization;
using Hmis.Common.V1;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Grading;

/// <summary>The sample client record as the trainee entered it, once its shape is known to be valid.</summary>
public sealed record EnteredRecord(string FirstName, string LastName, DateOnly DateOfBirth, ProjectType ProjectType, DateOnly ProjectStartDate, bool EntryAssessmentComplete)
{
    public const string InvalidRecordReason = "RECORD_INVALID";

    /// <summary>Checks the shape first: a record that cannot be read is refused before it is graded or counted.</summary>
    public static EnteredRecord Parse(string firstName, string lastName, string dateOfBirth, ProjectType projectType, string projectStartDate, bool entryAssessmentComplete)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(firstName))
        {
            violations.Add(new FieldViolation("record.first_name", "required", InvalidRecordReason));
        }
        if (string.IsNullOrWhiteSpace(lastName))
        {
            violations.Add(new FieldViolation("record.last_name", "required", InvalidRecordReason));
        }
        var dob = ParseDate(dateOfBirth, "record.date_of_birth", violations);
        var start = ParseDate(projectStartDate, "record.project_start_date", violations);
        if (projectType == ProjectType.Unspecified)
        {
            violations.Add(new FieldViolation("record.project_type", "required", InvalidRecordReason));
        }
        return violations.Count == 0
            ? new EnteredRecord(firstName.Trim(), lastName.Trim(), dob, projectType, start, entryAssessmentComplete)
            : throw DomainException.Invalid(InvalidRecordReason, "The record is incomplete or malformed.", [.. violations]);
    }

    private static DateOnly ParseDate(string value, string field, List<FieldViolation> violations)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        violations.Add(new FieldViolation(field, "must be a date as YYYY-MM-DD", InvalidRecordReason));
        return default;
    }
}
