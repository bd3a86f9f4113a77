using System.Globalization;
using Hmis.Assessment.V1;
using HmisPlatform.Assessment.Domain.Scenarios;

namespace HmisPlatform.Assessment.Domain.Grading;

/// <summary>Grades a record against the answer key of the trainee's scenario variant.</summary>
public static class SampleClientGrader
{
    public static IReadOnlyList<Finding> Grade(EnteredRecord record, ClientFacts key)
    {
        var findings = new List<Finding>();
        void Check(bool ok, string criterion, string element, object expected, object entered, FindingSeverity severity, string guidance)
        {
            if (!ok)
            {
                findings.Add(new Finding(criterion, element, Format(expected), Format(entered), severity, guidance));
            }
        }

        Check(string.Equals(record.FirstName, key.FirstName, StringComparison.OrdinalIgnoreCase), "CLIENT_PROFILE", "client.first_name",
            key.FirstName, record.FirstName, FindingSeverity.Minor, "Introduction to HMIS: searching and creating clients");
        Check(string.Equals(record.LastName, key.LastName, StringComparison.OrdinalIgnoreCase), "CLIENT_PROFILE", "client.last_name",
            key.LastName, record.LastName, FindingSeverity.Minor, "Introduction to HMIS: searching and creating clients");
        Check(record.DateOfBirth == key.DateOfBirth, "DEMOGRAPHICS", "client.date_of_birth",
            key.DateOfBirth, record.DateOfBirth, FindingSeverity.Major, "Introduction to HMIS: universal data elements");
        Check(record.ProjectType == key.ProjectType, "PROJECT_PROVIDER", "enrollment.project_type",
            key.ProjectType, record.ProjectType, FindingSeverity.Critical, "Your project-specific course: choosing the right project");
        Check(record.ProjectStartDate == key.ProjectStartDate, "ENTRY_ASSESSMENT", "enrollment.project_start_date",
            key.ProjectStartDate, record.ProjectStartDate, FindingSeverity.Major, "Your project-specific course: entering an enrollment");
        Check(record.EntryAssessmentComplete, "ENTRY_ASSESSMENT", "enrollment.entry_assessment",
            "complete", "missing", FindingSeverity.Major, "Your project-specific course: the entry assessment");
        return findings;
    }

    private static string Format(object value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
