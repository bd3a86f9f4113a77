using System.Globalization;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.Assessment.Domain.Scenarios;
using Enrollment = HmisPlatform.Assessment.Domain.Records.Enrollment;
using HouseholdMember = HmisPlatform.Assessment.Domain.Records.HouseholdMember;
using ReleaseOfInformation = HmisPlatform.Assessment.Domain.Records.ReleaseOfInformation;
using Scenario = HmisPlatform.Assessment.Domain.Scenarios.Scenario;
using ServiceTransaction = HmisPlatform.Assessment.Domain.Records.ServiceTransaction;
using SourceEntry = HmisPlatform.Assessment.Domain.Records.SourceEntry;
using Stay = HmisPlatform.Assessment.Domain.Records.Stay;

namespace HmisPlatform.Assessment.Domain.Grading;

/// <summary>
/// Grades a trainee's record against the model record of their scenario variant, criterion by criterion. Each finding
/// names the criterion, the data element, what was expected and what was entered, its weight, and the course section
/// to review. Wrong project or no entry assessment is critical: the workflow itself was missed. A data-quality error a
/// report would count is major; a slip that changes no report (a name's spelling, an amount) is minor.
/// </summary>
public static class SampleClientGrader
{
    private const string IntroCourse = "Introduction to HMIS";
    private const string DataCourse = "Data Management";
    private const string ProjectCourse = "your project-specific course";

    public static IReadOnlyList<Finding> Grade(ClientRecord entered, ScenarioCase scenarioCase)
    {
        var grading = new Grading();
        var key = scenarioCase.Model;
        GradeProfile(grading, entered.Client, key.Client);
        GradeHousehold(grading, entered, key);
        GradeReleaseAndLock(grading, entered, key);
        GradeProject(grading, entered.Enrollment, key.Enrollment);
        GradeAssessments(grading, entered, key);
        GradeProjectSpecific(grading, scenarioCase.Scenario, entered, key);
        return grading.Findings;
    }

    private static void GradeProfile(Grading g, PersonProfile entered, PersonProfile key)
    {
        var guidance = $"{IntroCourse}: creating a client and the universal data elements";
        g.Check(string.Equals(entered.FirstName, key.FirstName, StringComparison.OrdinalIgnoreCase), Criteria.ClientProfile, "client.first_name", key.FirstName, entered.FirstName, FindingSeverity.Minor, guidance);
        g.Check(string.Equals(entered.LastName, key.LastName, StringComparison.OrdinalIgnoreCase), Criteria.ClientProfile, "client.last_name", key.LastName, entered.LastName, FindingSeverity.Minor, guidance);
        g.Check(entered.NameQuality == key.NameQuality, Criteria.ClientProfile, "client.name_data_quality", key.NameQuality, entered.NameQuality, FindingSeverity.Minor, guidance);
        g.Check(entered.DateOfBirth == key.DateOfBirth, Criteria.ClientProfile, "client.date_of_birth", key.DateOfBirth, entered.DateOfBirth, FindingSeverity.Major, guidance);
        g.Check(entered.Ssn == key.Ssn, Criteria.ClientProfile, "client.ssn", Masked(key.Ssn), Masked(entered.Ssn), FindingSeverity.Major, guidance);
        g.Check(entered.SsnQuality == key.SsnQuality, Criteria.ClientProfile, "client.ssn_data_quality", key.SsnQuality, entered.SsnQuality, FindingSeverity.Minor,
            $"{DataCourse}: data quality when the client doesn't know");
        g.Check(entered.Races.ToHashSet().SetEquals(key.Races), Criteria.Demographics, "client.race", key.Races, entered.Races, FindingSeverity.Minor, $"{IntroCourse}: race and ethnicity, all that apply");
        g.Check(entered.Genders.ToHashSet().SetEquals(key.Genders), Criteria.Demographics, "client.gender", key.Genders, entered.Genders, FindingSeverity.Minor, $"{IntroCourse}: gender, all that apply");
        g.Check(entered.Veteran == key.Veteran, Criteria.Demographics, "client.veteran_status", key.Veteran, entered.Veteran, FindingSeverity.Major, $"{IntroCourse}: veteran status");
    }

    private static void GradeHousehold(Grading g, ClientRecord entered, ClientRecord key)
    {
        var guidance = $"{IntroCourse}: building the household and choosing its head";
        var heads = entered.Household.Count(m => m.Relationship == RelationshipToHead.Self);
        g.Check(heads == 1, Criteria.Household, "household.head_of_household", "exactly one head of household", $"{heads}", FindingSeverity.Major, guidance);
        g.Check(entered.ClientRelationship == key.ClientRelationship, Criteria.Household, "client_relationship", key.ClientRelationship, entered.ClientRelationship, FindingSeverity.Minor, guidance);
        foreach (var member in key.Members)
        {
            var match = entered.Members.FirstOrDefault(m => m.Person.IsSamePersonAs(member.Person));
            g.Check(match is not null, Criteria.Household, "household_members", $"{member.Person.FullName} in the household", "missing", FindingSeverity.Major, guidance);
            if (match is not null)
            {
                g.Check(match.Relationship == member.Relationship, Criteria.Household, $"household_members.{member.Person.FirstName}.relationship",
                    member.Relationship, match.Relationship, FindingSeverity.Minor, guidance);
            }
        }
        foreach (var extra in entered.Members.Where(m => !key.Members.Any(k => k.Person.IsSamePersonAs(m.Person))))
        {
            g.Check(false, Criteria.Household, "household_members", "not in the household", extra.Person.FullName, FindingSeverity.Major, guidance);
        }
    }

    private static void GradeReleaseAndLock(Grading g, ClientRecord entered, ClientRecord key)
    {
        var guidance = $"{DataCourse}: the release of information and locking a record";
        g.Check(entered.Release is not null, Criteria.ReleaseOfInformation, "release_of_information", Dates(key.Release!), "missing", FindingSeverity.Major, guidance);
        if (entered.Release is { } release)
        {
            g.Check(release == key.Release, Criteria.ReleaseOfInformation, "release_of_information", Dates(key.Release!), Dates(release), FindingSeverity.Minor, guidance);
        }
        g.Check(entered.Locked == key.Locked, Criteria.RecordLocking, "record_locked", key.Locked ? "locked" : "not locked", entered.Locked ? "locked" : "not locked",
            FindingSeverity.Major, guidance);
    }

    private static void GradeProject(Grading g, Enrollment entered, Enrollment key)
    {
        g.Check(entered.ProjectType == key.ProjectType, Criteria.ProjectProvider, "enrollment.project_type", key.ProjectType, entered.ProjectType, FindingSeverity.Critical,
            $"{ProjectCourse}: choosing the right project");
        g.Check(string.Equals(entered.Provider.Trim(), key.Provider, StringComparison.OrdinalIgnoreCase), Criteria.ProjectProvider, "enrollment.provider", key.Provider, entered.Provider,
            FindingSeverity.Major, $"{ProjectCourse}: choosing the right project");
        g.Check(entered.StartDate == key.StartDate, Criteria.Assessments, "enrollment.project_start_date", key.StartDate, entered.StartDate, FindingSeverity.Major,
            $"{ProjectCourse}: entering an enrollment");
    }

    private static void GradeAssessments(Grading g, ClientRecord entered, ClientRecord key)
    {
        foreach (var stage in new[] { AssessmentStage.Entry, AssessmentStage.Interim, AssessmentStage.Exit })
        {
            var element = $"assessments[{Name(stage)}]";
            var expected = key.AssessmentsAt(stage).Single();
            var found = entered.AssessmentsAt(stage).ToList();
            var severity = stage == AssessmentStage.Entry ? FindingSeverity.Critical : FindingSeverity.Major;
            g.Check(found.Count > 0, Criteria.Assessments, element, $"an {Name(stage)} assessment", "missing", severity, $"{ProjectCourse}: the {Name(stage)} assessment");
            g.Check(found.Count <= 1, Criteria.Assessments, element, $"one {Name(stage)} assessment", $"{found.Count}", FindingSeverity.Major, $"{ProjectCourse}: the {Name(stage)} assessment");
            if (found.FirstOrDefault() is not { } assessment)
            {
                continue;
            }
            g.Check(assessment.Date == expected.Date, Criteria.Assessments, $"{element}.assessment_date", expected.Date, assessment.Date,
                stage == AssessmentStage.Exit ? FindingSeverity.Major : FindingSeverity.Minor, $"{ProjectCourse}: the {Name(stage)} assessment");
            GradeSubAssessments(g, element, assessment, expected);
            if (stage == AssessmentStage.Entry)
            {
                GradeLivingSituation(g, assessment, expected);
                g.Check(assessment.DisablingCondition == expected.DisablingCondition, Criteria.Assessments, $"{element}.disabling_condition",
                    expected.DisablingCondition, assessment.DisablingCondition, FindingSeverity.Major, $"{IntroCourse}: disabling condition");
            }
            if (stage == AssessmentStage.Exit)
            {
                g.Check(assessment.Destination == expected.Destination, Criteria.Exit, $"{element}.destination", expected.Destination, assessment.Destination,
                    FindingSeverity.Major, $"{ProjectCourse}: exits and destinations");
                g.Check(assessment.ReasonForLeaving == expected.ReasonForLeaving, Criteria.Exit, $"{element}.reason_for_leaving", expected.ReasonForLeaving,
                    assessment.ReasonForLeaving, FindingSeverity.Minor, $"{ProjectCourse}: exits and destinations");
            }
        }
        g.Check(entered.Enrollment.ExitDate == key.Enrollment.ExitDate, Criteria.Exit, "enrollment.exit_date", key.Enrollment.ExitDate, entered.Enrollment.ExitDate,
            FindingSeverity.Major, $"{ProjectCourse}: exits and destinations");
        GradeConsistency(g, entered);
    }

    private static void GradeLivingSituation(Grading g, AssessmentEntry entered, AssessmentEntry key)
    {
        var guidance = $"{DataCourse}: prior living situation (before entry) versus current living situation (today)";
        if (entered.PriorLivingSituation == key.CurrentLivingSituation && entered.CurrentLivingSituation == key.PriorLivingSituation)
        {
            g.Check(false, Criteria.LivingSituation, "assessments[entry].prior_living_situation", $"prior {key.PriorLivingSituation}, current {key.CurrentLivingSituation}",
                $"prior {entered.PriorLivingSituation}, current {entered.CurrentLivingSituation} (swapped)", FindingSeverity.Major, guidance);
            return;
        }
        g.Check(entered.PriorLivingSituation == key.PriorLivingSituation, Criteria.LivingSituation, "assessments[entry].prior_living_situation",
            key.PriorLivingSituation, entered.PriorLivingSituation, FindingSeverity.Major, guidance);
        g.Check(entered.CurrentLivingSituation == key.CurrentLivingSituation, Criteria.LivingSituation, "assessments[entry].current_living_situation",
            key.CurrentLivingSituation, entered.CurrentLivingSituation, FindingSeverity.Major, guidance);
    }

    private static void GradeSubAssessments(Grading g, string element, AssessmentEntry entered, AssessmentEntry key)
    {
        var verification = $"{DataCourse}: HUD verification of sub-assessments";
        var unverified = Sources.VerifiedKinds.Where(kind => entered.Of(kind) is not { Verified: true }).ToList();
        g.Check(unverified.Count == 0, Criteria.HudVerification, $"{element}.sub_assessments", "income, non-cash benefits and health insurance verified",
            $"not verified: {string.Join(", ", unverified)}", FindingSeverity.Major, verification);
        foreach (var sub in entered.SubAssessments)
        {
            var overlapping = sub.Entries.SelectMany((a, i) => sub.Entries.Skip(i + 1).Where(b => b.Source == a.Source && a.Overlaps(b)).Select(_ => a.Source)).Distinct().ToList();
            g.Check(overlapping.Count == 0, Criteria.HudVerification, $"{element}.sub_assessments[{Name(sub.Kind)}]", "no overlapping date ranges",
                $"overlapping: {string.Join(", ", overlapping)}", FindingSeverity.Major, verification);
        }
        foreach (var kind in Sources.VerifiedKinds)
        {
            var expected = key.Of(kind)!.On(key.Date).ToList();
            var found = entered.Of(kind)?.On(entered.Date).ToList() ?? [];
            var expectedSources = expected.Select(e => e.Source).ToHashSet();
            var guidance = $"{DataCourse}: income, benefits and insurance with their start and end dates";
            g.Check(expectedSources.SetEquals(found.Select(e => e.Source)), Criteria.IncomeAndBenefits, $"{element}.sub_assessments[{Name(kind)}]",
                expectedSources, found.Select(e => e.Source).ToHashSet(), FindingSeverity.Major, guidance);
            foreach (var source in expected.Where(e => e.MonthlyAmount > 0))
            {
                var amount = found.FirstOrDefault(e => e.Source == source.Source)?.MonthlyAmount;
                g.Check(amount is null || amount == source.MonthlyAmount, Criteria.IncomeAndBenefits, $"{element}.sub_assessments[{Name(kind)}].{source.Source}.monthly_amount",
                    source.MonthlyAmount, amount ?? 0, FindingSeverity.Minor, guidance);
            }
        }
    }

    /// <summary>What is true of the client's past does not change between assessments, and the assessments follow the stay.</summary>
    private static void GradeConsistency(Grading g, ClientRecord entered)
    {
        var guidance = $"{DataCourse}: keeping data consistent across assessments";
        var assessments = entered.Enrollment.Assessments;
        var disabling = assessments.Select(a => a.DisablingCondition).Distinct().ToList();
        g.Check(disabling.Count <= 1, Criteria.Consistency, "assessments.disabling_condition", "the same in every assessment", string.Join(", ", disabling), FindingSeverity.Major, guidance);
        var prior = assessments.Select(a => a.PriorLivingSituation).Distinct().ToList();
        g.Check(prior.Count <= 1, Criteria.Consistency, "assessments.prior_living_situation", "the same in every assessment", string.Join(", ", prior), FindingSeverity.Major, guidance);
        var start = entered.Enrollment.StartDate;
        var end = entered.Enrollment.ExitDate ?? DateOnly.MaxValue;
        var ordered = assessments.OrderBy(a => a.Stage).Select(a => a.Date).ToList();
        var inOrder = ordered.Zip(ordered.Skip(1)).All(p => p.First <= p.Second) && ordered.All(d => d >= start && d <= end);
        g.Check(inOrder, Criteria.Consistency, "assessments.assessment_date", "entry, interim and exit in order, within the stay",
            string.Join(", ", ordered.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), FindingSeverity.Major, guidance);
    }

    private static void GradeProjectSpecific(Grading g, Scenario scenario, ClientRecord entered, ClientRecord key)
    {
        if (scenario.HousingMoveIn)
        {
            var guidance = $"{ProjectCourse}: recording the housing move-in date through an interim assessment";
            var expected = key.AssessmentsAt(AssessmentStage.Interim).Single().MoveInDate;
            var onInterim = entered.AssessmentsAt(AssessmentStage.Interim).Select(a => a.MoveInDate).FirstOrDefault(d => d is not null);
            var elsewhere = entered.Enrollment.Assessments.FirstOrDefault(a => a.Stage != AssessmentStage.Interim && a.MoveInDate is not null);
            g.Check(onInterim is not null, Criteria.ProjectSpecific, "assessments[interim].housing_move_in_date", $"{D(expected)} on an interim assessment",
                elsewhere is not null ? $"on the {Name(elsewhere.Stage)} assessment" : "missing", FindingSeverity.Major, guidance);
            if (onInterim is not null)
            {
                g.Check(onInterim == expected, Criteria.ProjectSpecific, "assessments[interim].housing_move_in_date", expected, onInterim, FindingSeverity.Major, guidance);
            }
        }
        if (scenario.NightByNight)
        {
            var expected = key.Enrollment.Stays.Select(Stay).ToHashSet();
            var found = entered.Enrollment.Stays.Select(Stay).ToHashSet();
            g.Check(expected.SetEquals(found), Criteria.ProjectSpecific, "enrollment.stays", string.Join("; ", expected.Order()), string.Join("; ", found.Order()),
                FindingSeverity.Major, $"{ProjectCourse}: check-in and check-out");
        }
        foreach (var service in key.Enrollment.Services)
        {
            var match = entered.Enrollment.Services.FirstOrDefault(s => s.Type == service.Type && s.Date == service.Date);
            var guidance = $"{ProjectCourse}: service transactions";
            g.Check(match is not null, Criteria.ProjectSpecific, "enrollment.services", $"{service.Type} on {D(service.Date)}", "missing", FindingSeverity.Major, guidance);
            if (match is not null)
            {
                g.Check(match.Amount == service.Amount, Criteria.ProjectSpecific, $"enrollment.services.{service.Type}.amount", service.Amount, match.Amount, FindingSeverity.Minor, guidance);
            }
        }
    }

    private static string Stay(Stay stay) => $"{D(stay.CheckIn)} to {(stay.CheckOut is { } o ? D(o) : "open")}";

    private static string Dates(ReleaseOfInformation release) => $"{D(release.Start)} to {D(release.End)}";

    /// <summary>Even a fictional SSN is shown by its last four digits only, as staff would see it.</summary>
    private static string Masked(string ssn) => ssn.Length == 0 ? "not collected" : $"***-**-{ssn[^Math.Min(4, ssn.Length)..]}";

    private static string Name(AssessmentStage stage) => stage.ToString().ToLowerInvariant();

    private static string Name(SubAssessmentKind kind) => kind switch
    {
        SubAssessmentKind.NonCashBenefits => "non_cash_benefits",
        SubAssessmentKind.HealthInsurance => "health_insurance",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string D(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";

    private sealed class Grading
    {
        public List<Finding> Findings { get; } = [];

        public void Check(bool ok, string criterion, string element, object? expected, object? entered, FindingSeverity severity, string guidance)
        {
            if (!ok)
            {
                Findings.Add(new Finding(criterion, element, Format(expected), Format(entered), severity, guidance));
            }
        }

        private static string Format(object? value) => value switch
        {
            null => "none",
            DateOnly date => D(date),
            string text => text,
            System.Collections.IEnumerable items => string.Join(", ", items.Cast<object>().Select(i => i.ToString()).Order(StringComparer.Ordinal)),
            _ => value.ToString() ?? "",
        };
    }
}
