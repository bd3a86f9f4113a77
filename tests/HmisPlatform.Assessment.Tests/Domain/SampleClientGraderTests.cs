using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.Assessment.Domain.Scenarios;
using HmisPlatform.BuildingBlocks.Domain;
using Enrollment = HmisPlatform.Assessment.Domain.Records.Enrollment;
using Finding = HmisPlatform.Assessment.Domain.Grading.Finding;
using HouseholdMember = HmisPlatform.Assessment.Domain.Records.HouseholdMember;
using ReleaseOfInformation = HmisPlatform.Assessment.Domain.Records.ReleaseOfInformation;
using SourceEntry = HmisPlatform.Assessment.Domain.Records.SourceEntry;

namespace HmisPlatform.Assessment.Tests.Domain;

/// <summary>Every check of the grader: a record that trips it, and the model record that passes it.</summary>
public sealed class SampleClientGraderTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static readonly GradingThresholds Thresholds = new();

    private static ScenarioCase Case(string code, int variant = 4242) => ScenarioCatalog.Find(code)!.Case(variant, Today);

    private static Finding Of(FindingSeverity severity) => new("C", "e", "x", "y", severity, "g");

    public static TheoryData<string> ScenarioCodes => [.. ScenarioCatalog.Scenarios.Select(s => s.Code)];

    [Theory]
    [MemberData(nameof(ScenarioCodes))]
    public void ModelRecord_OfEveryScenarioAndManyVariants_HasNoFindingsAndPasses(string code)
    {
        foreach (var variant in Enumerable.Range(1, 50))
        {
            var scenarioCase = Case(code, variant);
            var findings = SampleClientGrader.Grade(scenarioCase.Model, scenarioCase);
            Assert.Empty(findings);
            Assert.Equal(AttemptOutcome.Passed, Thresholds.OutcomeOf(findings));
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioCodes))]
    public void Variants_AreDeterministic_AndDifferFromOneAnother(string code)
    {
        Assert.Equal(Case(code, 7).Narrative, Case(code, 7).Narrative);
        Assert.Equal(Case(code, 7).Documents, Case(code, 7).Documents);
        var clients = Enumerable.Range(1, 20).Select(v => Case(code, v).Model.Client).Select(c => (c.FirstName, c.LastName, c.DateOfBirth)).Distinct().Count();
        Assert.True(clients >= 15, $"only {clients} different clients in 20 variants");
    }

    [Theory]
    [MemberData(nameof(ScenarioCodes))]
    public void Documents_TellEverythingTheModelRecordHolds_AndNoRealSsn(string code)
    {
        var scenarioCase = Case(code);
        var text = scenarioCase.Narrative + string.Join("\n", scenarioCase.Documents.Select(d => d.Text));
        var model = scenarioCase.Model;
        foreach (var person in model.Household.Select(m => m.Person))
        {
            Assert.Contains(person.FullName, text, StringComparison.Ordinal);
            Assert.Contains(D(person.DateOfBirth!.Value), text, StringComparison.Ordinal);
            Assert.True(person.Ssn.Length == 0 || person.Ssn.StartsWith('9'), "fictional SSNs start with 9, which the SSA never issues");
        }
        Assert.Contains(D(model.Enrollment.StartDate), text, StringComparison.Ordinal);
        Assert.Contains(D(model.Enrollment.ExitDate!.Value), text, StringComparison.Ordinal);
        Assert.Contains(model.Enrollment.Provider, text, StringComparison.Ordinal);
        Assert.All(model.Enrollment.Assessments.SelectMany(a => a.SubAssessments).SelectMany(s => s.Entries), e => Assert.Contains(D(e.Start), text, StringComparison.Ordinal));
        Assert.All(model.Enrollment.Services, s => Assert.Contains(D(s.Date), text, StringComparison.Ordinal));
        Assert.All(model.Enrollment.Stays, s => Assert.Contains(D(s.CheckIn), text, StringComparison.Ordinal));
    }

    /// <summary>Each check: the scenario, how the record goes wrong, and the finding it must give.</summary>
    private static readonly Dictionary<string, (string Scenario, Func<ClientRecord, ClientRecord> Spoil, string Criterion, string Element, FindingSeverity Severity)> Checks = new()
    {
        ["first name"] = ("ES_SINGLE_ADULT", r => r with { Client = r.Client with { FirstName = "Zed" } }, Criteria.ClientProfile, "client.first_name", FindingSeverity.Minor),
        ["last name"] = ("ES_SINGLE_ADULT", r => r with { Client = r.Client with { LastName = "Other" } }, Criteria.ClientProfile, "client.last_name", FindingSeverity.Minor),
        ["name data quality"] = ("ES_SINGLE_ADULT", r => r with { Client = r.Client with { NameQuality = DataQuality.Partial } }, Criteria.ClientProfile, "client.name_data_quality", FindingSeverity.Minor),
        ["date of birth"] = ("ES_SINGLE_ADULT", r => r with { Client = r.Client with { DateOfBirth = r.Client.DateOfBirth!.Value.AddDays(1) } }, Criteria.ClientProfile, "client.date_of_birth", FindingSeverity.Major),
        ["ssn"] = ("ES_SINGLE_ADULT", r => r with { Client = r.Client with { Ssn = "900000000" } }, Criteria.ClientProfile, "client.ssn", FindingSeverity.Major),
        ["ssn data quality when not known"] = ("STREET_OUTREACH", r => r with { Client = r.Client with { SsnQuality = DataQuality.NotCollected } }, Criteria.ClientProfile, "client.ssn_data_quality", FindingSeverity.Minor),
        ["race"] = ("ES_SINGLE_ADULT", r => r with { Client = r.Client with { Races = new HashSet<Race>() } }, Criteria.Demographics, "client.race", FindingSeverity.Minor),
        ["gender"] = ("ES_SINGLE_ADULT", r => r with { Client = r.Client with { Genders = new HashSet<Gender> { Gender.NonBinary } } }, Criteria.Demographics, "client.gender", FindingSeverity.Minor),
        ["veteran status"] = ("SSVF_VETERAN", r => r with { Client = r.Client with { Veteran = YesNo.No } }, Criteria.Demographics, "client.veteran_status", FindingSeverity.Major),
        ["no head of household"] = ("ES_SINGLE_ADULT", r => r with { ClientRelationship = RelationshipToHead.OtherRelative }, Criteria.Household, "household.head_of_household", FindingSeverity.Major),
        ["two heads of household"] = ("PSH_FAMILY", r => r with { Members = [r.Members[0] with { Relationship = RelationshipToHead.Self }, r.Members[1]] }, Criteria.Household, "household.head_of_household", FindingSeverity.Major),
        ["household incomplete"] = ("PSH_FAMILY", r => r with { Members = [r.Members[0]] }, Criteria.Household, "household_members", FindingSeverity.Major),
        ["someone not of the household"] = ("ES_SINGLE_ADULT", r => r with { Members = [new HouseholdMember(r.Client with { FirstName = "Extra" }, RelationshipToHead.Unrelated)] }, Criteria.Household, "household_members", FindingSeverity.Major),
        ["member's relationship"] = ("SSVF_VETERAN", r => r with { Members = [r.Members[0] with { Relationship = RelationshipToHead.OtherRelative }] }, Criteria.Household, $"household_members.{Case("SSVF_VETERAN").Model.Members[0].Person.FirstName}.relationship", FindingSeverity.Minor),
        ["no release of information"] = ("ES_SINGLE_ADULT", r => r with { Release = null }, Criteria.ReleaseOfInformation, "release_of_information", FindingSeverity.Major),
        ["release of information dates"] = ("ES_SINGLE_ADULT", r => r with { Release = r.Release! with { End = r.Release.End.AddYears(1) } }, Criteria.ReleaseOfInformation, "release_of_information", FindingSeverity.Minor),
        ["record not locked when asked"] = ("PSH_FAMILY", r => r with { Locked = false }, Criteria.RecordLocking, "record_locked", FindingSeverity.Major),
        ["record locked without reason"] = ("ES_SINGLE_ADULT", r => r with { Locked = true }, Criteria.RecordLocking, "record_locked", FindingSeverity.Major),
        ["wrong project type"] = ("ES_SINGLE_ADULT", r => Enrolled(r, e => e with { ProjectType = ProjectType.ServicesOnly }), Criteria.ProjectProvider, "enrollment.project_type", FindingSeverity.Critical),
        ["wrong provider"] = ("ES_SINGLE_ADULT", r => Enrolled(r, e => e with { Provider = "Some Other Shelter" }), Criteria.ProjectProvider, "enrollment.provider", FindingSeverity.Major),
        ["project start date"] = ("ES_SINGLE_ADULT", r => Enrolled(r, e => e with { StartDate = e.StartDate.AddDays(-1) }), Criteria.Assessments, "enrollment.project_start_date", FindingSeverity.Major),
        ["no entry assessment"] = ("ES_SINGLE_ADULT", r => Without(r, AssessmentStage.Entry), Criteria.Assessments, "assessments[entry]", FindingSeverity.Critical),
        ["no interim assessment"] = ("ES_SINGLE_ADULT", r => Without(r, AssessmentStage.Interim), Criteria.Assessments, "assessments[interim]", FindingSeverity.Major),
        ["no exit assessment"] = ("ES_SINGLE_ADULT", r => Without(r, AssessmentStage.Exit), Criteria.Assessments, "assessments[exit]", FindingSeverity.Major),
        ["two entry assessments"] = ("ES_SINGLE_ADULT", r => Enrolled(r, e => e with { Assessments = [.. e.Assessments, e.Assessments[0]] }), Criteria.Assessments, "assessments[entry]", FindingSeverity.Major),
        ["interim assessment date"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Interim, a => a with { Date = a.Date.AddDays(1) }), Criteria.Assessments, "assessments[interim].assessment_date", FindingSeverity.Minor),
        ["prior and current living situation swapped"] = ("STREET_OUTREACH", r => Everywhere(r, a => a with { PriorLivingSituation = Entry(r).CurrentLivingSituation, CurrentLivingSituation = Entry(r).PriorLivingSituation }),
            Criteria.LivingSituation, "assessments[entry].prior_living_situation", FindingSeverity.Major),
        ["prior living situation"] = ("ES_SINGLE_ADULT", r => Everywhere(r, a => a with { PriorLivingSituation = LivingSituation.JailOrPrison }), Criteria.LivingSituation, "assessments[entry].prior_living_situation", FindingSeverity.Major),
        ["current living situation"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Entry, a => a with { CurrentLivingSituation = LivingSituation.Hospital }), Criteria.LivingSituation, "assessments[entry].current_living_situation", FindingSeverity.Major),
        ["disabling condition"] = ("PSH_FAMILY", r => Everywhere(r, a => a with { DisablingCondition = YesNo.No }), Criteria.Assessments, "assessments[entry].disabling_condition", FindingSeverity.Major),
        ["sub-assessment not verified"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Exit, a => a with { SubAssessments = [a.SubAssessments[0] with { Verified = false }, .. a.SubAssessments.Skip(1)] }),
            Criteria.HudVerification, "assessments[exit].sub_assessments", FindingSeverity.Major),
        ["sub-assessment missing"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Entry, a => a with { SubAssessments = [.. a.SubAssessments.Where(s => s.Kind != SubAssessmentKind.HealthInsurance)] }),
            Criteria.HudVerification, "assessments[entry].sub_assessments", FindingSeverity.Major),
        ["overlapping dates"] = ("RRH_SINGLE", r => At(r, AssessmentStage.Interim, a => a with
        {
            SubAssessments = [a.SubAssessments[0] with { Entries = [.. a.SubAssessments[0].Entries, a.SubAssessments[0].Entries[0] with { Start = a.Date.AddDays(-3), MonthlyAmount = 1 }] }, .. a.SubAssessments.Skip(1)],
        }), Criteria.HudVerification, "assessments[interim].sub_assessments[income]", FindingSeverity.Major),
        ["income source missing"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Interim, a => a with
        {
            SubAssessments = [a.SubAssessments[0] with { Entries = [a.SubAssessments[0].Entries[0]] }, .. a.SubAssessments.Skip(1)],
        }), Criteria.IncomeAndBenefits, "assessments[interim].sub_assessments[income]", FindingSeverity.Major),
        ["source ended too early"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Exit, a => a with
        {
            SubAssessments = [a.SubAssessments[0], a.SubAssessments[1] with { Entries = [a.SubAssessments[1].Entries[0] with { End = Entry(r).Date }] }, a.SubAssessments[2]],
        }), Criteria.IncomeAndBenefits, "assessments[exit].sub_assessments[non_cash_benefits]", FindingSeverity.Major),
        ["income amount"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Entry, a => a with
        {
            SubAssessments = [a.SubAssessments[0] with { Entries = [a.SubAssessments[0].Entries[0] with { MonthlyAmount = 1 }] }, .. a.SubAssessments.Skip(1)],
        }), Criteria.IncomeAndBenefits, $"assessments[entry].sub_assessments[income].{BenefitSource.Unemployment}.monthly_amount", FindingSeverity.Minor),
        ["disabling condition changes between assessments"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Exit, a => a with { DisablingCondition = YesNo.ClientDoesntKnow }),
            Criteria.Consistency, "assessments.disabling_condition", FindingSeverity.Major),
        ["prior living situation changes between assessments"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Interim, a => a with { PriorLivingSituation = LivingSituation.Hospital }),
            Criteria.Consistency, "assessments.prior_living_situation", FindingSeverity.Major),
        ["assessments out of order"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Interim, a => a with { Date = Entry(r).Date.AddDays(-2) }),
            Criteria.Consistency, "assessments.assessment_date", FindingSeverity.Major),
        ["exit destination"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Exit, a => a with { Destination = LivingSituation.EmergencyShelter }), Criteria.Exit, "assessments[exit].destination", FindingSeverity.Major),
        ["reason for leaving"] = ("ES_SINGLE_ADULT", r => At(r, AssessmentStage.Exit, a => a with { ReasonForLeaving = ExitReason.NonCompliance }), Criteria.Exit, "assessments[exit].reason_for_leaving", FindingSeverity.Minor),
        ["exit date"] = ("ES_SINGLE_ADULT", r => Enrolled(r, e => e with { ExitDate = e.ExitDate!.Value.AddDays(1) }), Criteria.Exit, "enrollment.exit_date", FindingSeverity.Major),
        ["no move-in date"] = ("RRH_SINGLE", r => Everywhere(r, a => a with { MoveInDate = null }), Criteria.ProjectSpecific, "assessments[interim].housing_move_in_date", FindingSeverity.Major),
        ["move-in date on the entry assessment"] = ("PSH_FAMILY", r => Everywhere(r, a => a with { MoveInDate = a.Stage == AssessmentStage.Entry ? Interim(r).MoveInDate : null }),
            Criteria.ProjectSpecific, "assessments[interim].housing_move_in_date", FindingSeverity.Major),
        ["move-in date wrong"] = ("SSVF_VETERAN", r => At(r, AssessmentStage.Interim, a => a with { MoveInDate = a.MoveInDate!.Value.AddDays(3) }), Criteria.ProjectSpecific, "assessments[interim].housing_move_in_date", FindingSeverity.Major),
        ["a check-out missing"] = ("ES_SINGLE_ADULT", r => Enrolled(r, e => e with { Stays = [e.Stays[0] with { CheckOut = null }, .. e.Stays.Skip(1)] }), Criteria.ProjectSpecific, "enrollment.stays", FindingSeverity.Major),
        ["a day visit missing"] = ("DROP_IN", r => Enrolled(r, e => e with { Stays = [.. e.Stays.Skip(1)] }), Criteria.ProjectSpecific, "enrollment.stays", FindingSeverity.Major),
        ["no RRH assistance transaction"] = ("SSVF_VETERAN", r => Enrolled(r, e => e with { Services = [] }), Criteria.ProjectSpecific, "enrollment.services", FindingSeverity.Major),
        ["RRH assistance amount"] = ("SSVF_VETERAN", r => Enrolled(r, e => e with { Services = [e.Services[0] with { Amount = 5 }] }), Criteria.ProjectSpecific,
            $"enrollment.services.{ServiceType.RrhRentalAssistance}.amount", FindingSeverity.Minor),
        ["an outreach contact missing"] = ("STREET_OUTREACH", r => Enrolled(r, e => e with { Services = [e.Services[0]] }), Criteria.ProjectSpecific, "enrollment.services", FindingSeverity.Major),
    };

    public static TheoryData<string> CheckNames => [.. Checks.Keys];

    [Theory]
    [MemberData(nameof(CheckNames))]
    public void EachCheck_ARecordThatTripsIt_GetsItsFinding(string check)
    {
        var (scenario, spoil, criterion, element, severity) = Checks[check];
        var scenarioCase = Case(scenario);

        var findings = SampleClientGrader.Grade(spoil(scenarioCase.Model), scenarioCase);

        var finding = Assert.Single(findings, f => f.Criterion == criterion && f.Element == element);
        Assert.Equal(severity, finding.Severity);
        Assert.NotEqual(finding.Expected, finding.Entered);
        Assert.False(string.IsNullOrWhiteSpace(finding.Guidance));
        Assert.DoesNotContain(SampleClientGrader.Grade(scenarioCase.Model, scenarioCase), f => f.Criterion == criterion && f.Element == element);
    }

    [Fact]
    public void SwappedLivingSituations_AreNamedAsSwapped()
    {
        var scenarioCase = Case("ES_SINGLE_ADULT");
        var model = scenarioCase.Model;
        var swapped = Everywhere(model, a => a with { PriorLivingSituation = Entry(model).CurrentLivingSituation, CurrentLivingSituation = Entry(model).PriorLivingSituation });

        var finding = Assert.Single(SampleClientGrader.Grade(swapped, scenarioCase));

        Assert.EndsWith("(swapped)", finding.Entered, StringComparison.Ordinal);
    }

    [Fact]
    public void Ssn_IsShownByItsLastFourDigitsOnly()
    {
        var scenarioCase = Case("ES_SINGLE_ADULT");
        var finding = Assert.Single(SampleClientGrader.Grade(scenarioCase.Model with { Client = scenarioCase.Model.Client with { Ssn = "912345678" } }, scenarioCase));

        Assert.Equal("***-**-5678", finding.Entered);
        Assert.DoesNotContain(scenarioCase.Model.Client.Ssn, finding.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void NameCase_DoesNotCount()
    {
        var scenarioCase = Case("ES_SINGLE_ADULT");
        var shouted = scenarioCase.Model with { Client = scenarioCase.Model.Client with { FirstName = scenarioCase.Model.Client.FirstName.ToUpperInvariant() } };
        Assert.Empty(SampleClientGrader.Grade(shouted, scenarioCase));
    }

    [Fact]
    public void AnotherVariantsModel_DoesNotPass()
    {
        var mine = Case("ES_SINGLE_ADULT", 11);
        var copied = Case("ES_SINGLE_ADULT", 12).Model;

        Assert.NotEqual(AttemptOutcome.Passed, Thresholds.OutcomeOf(SampleClientGrader.Grade(copied, mine)));
    }

    [Fact]
    public void Outcomes_FollowTheThresholds()
    {
        Assert.Equal(AttemptOutcome.Passed, Thresholds.OutcomeOf([Of(FindingSeverity.Minor), Of(FindingSeverity.Minor)]));
        Assert.Equal(AttemptOutcome.CorrectionsNeeded, Thresholds.OutcomeOf([Of(FindingSeverity.Minor), Of(FindingSeverity.Minor), Of(FindingSeverity.Minor)]));
        Assert.Equal(AttemptOutcome.CorrectionsNeeded, Thresholds.OutcomeOf([Of(FindingSeverity.Major), Of(FindingSeverity.Major)]));
        Assert.Equal(AttemptOutcome.Walkthrough, Thresholds.OutcomeOf([Of(FindingSeverity.Major), Of(FindingSeverity.Major), Of(FindingSeverity.Major)]));
        Assert.Equal(AttemptOutcome.Walkthrough, Thresholds.OutcomeOf([Of(FindingSeverity.Critical)]));
        Assert.Equal(AttemptOutcome.RedoTraining, Thresholds.OutcomeOf([Of(FindingSeverity.Critical), Of(FindingSeverity.Critical)]));
    }

    [Fact]
    public void WrongProjectAndNoEntryAssessment_SendTheTraineeBackToTheCourse()
    {
        var scenarioCase = Case("RRH_SINGLE");
        var lost = Enrolled(Without(scenarioCase.Model, AssessmentStage.Entry), e => e with { ProjectType = ProjectType.EmergencyShelter });

        Assert.Equal(AttemptOutcome.RedoTraining, Thresholds.OutcomeOf(SampleClientGrader.Grade(lost, scenarioCase)));
    }

    private static AssessmentEntry Entry(ClientRecord r) => r.AssessmentsAt(AssessmentStage.Entry).Single();

    private static AssessmentEntry Interim(ClientRecord r) => r.AssessmentsAt(AssessmentStage.Interim).Single();

    private static ClientRecord Enrolled(ClientRecord r, Func<Enrollment, Enrollment> change) => r with { Enrollment = change(r.Enrollment) };

    private static ClientRecord Without(ClientRecord r, AssessmentStage stage) => Enrolled(r, e => e with { Assessments = [.. e.Assessments.Where(a => a.Stage != stage)] });

    private static ClientRecord At(ClientRecord r, AssessmentStage stage, Func<AssessmentEntry, AssessmentEntry> change) =>
        Enrolled(r, e => e with { Assessments = [.. e.Assessments.Select(a => a.Stage == stage ? change(a) : a)] });

    private static ClientRecord Everywhere(ClientRecord r, Func<AssessmentEntry, AssessmentEntry> change) =>
        Enrolled(r, e => e with { Assessments = [.. e.Assessments.Select(change)] });

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
