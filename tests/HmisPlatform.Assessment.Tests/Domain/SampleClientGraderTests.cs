using Hmis.Assessment.V1;
using Hmis.Common.V1;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Scenarios;

namespace HmisPlatform.Assessment.Tests.Domain;

public sealed class SampleClientGraderTests
{
    private static readonly ClientFacts Key = new("Avery", "Samplewood", new DateOnly(1980, 4, 2), ProjectType.EmergencyShelter, new DateOnly(2026, 1, 20));

    private static readonly GradingThresholds Thresholds = new();

    private static HmisPlatform.Assessment.Domain.Grading.Finding Of(FindingSeverity severity) => new("C", "e", "x", "y", severity, "g");

    private static EnteredRecord Correct => new(Key.FirstName, Key.LastName, Key.DateOfBirth, Key.ProjectType, Key.ProjectStartDate, true);

    [Fact]
    public void CorrectRecord_HasNoFindingsAndPasses()
    {
        var findings = SampleClientGrader.Grade(Correct, Key);
        Assert.Empty(findings);
        Assert.Equal(AttemptOutcome.Passed, Thresholds.OutcomeOf(findings));
    }

    [Fact]
    public void NameCase_DoesNotCount() =>
        Assert.Empty(SampleClientGrader.Grade(Correct with { FirstName = "AVERY" }, Key));

    [Theory]
    [InlineData("client.first_name", FindingSeverity.Minor)]
    [InlineData("client.last_name", FindingSeverity.Minor)]
    [InlineData("client.date_of_birth", FindingSeverity.Major)]
    [InlineData("enrollment.project_type", FindingSeverity.Critical)]
    [InlineData("enrollment.project_start_date", FindingSeverity.Major)]
    [InlineData("enrollment.entry_assessment", FindingSeverity.Major)]
    public void EachCheck_TripsOnItsOwnElement(string element, FindingSeverity severity)
    {
        var wrong = element switch
        {
            "client.first_name" => Correct with { FirstName = "Jordan" },
            "client.last_name" => Correct with { LastName = "Other" },
            "client.date_of_birth" => Correct with { DateOfBirth = Key.DateOfBirth.AddDays(1) },
            "enrollment.project_type" => Correct with { ProjectType = ProjectType.Ssvf },
            "enrollment.project_start_date" => Correct with { ProjectStartDate = Key.ProjectStartDate.AddDays(-1) },
            _ => Correct with { EntryAssessmentComplete = false },
        };

        var finding = Assert.Single(SampleClientGrader.Grade(wrong, Key));

        Assert.Equal(element, finding.Element);
        Assert.Equal(severity, finding.Severity);
        Assert.False(string.IsNullOrWhiteSpace(finding.Guidance));
    }

    [Fact]
    public void MinorSlipsUpToTheLimit_StillPass()
    {
        var twoMinor = SampleClientGrader.Grade(Correct with { FirstName = "X", LastName = "Y" }, Key);
        Assert.Equal(AttemptOutcome.Passed, Thresholds.OutcomeOf(twoMinor));
    }

    [Fact]
    public void OneMajorFinding_NeedsCorrections() =>
        Assert.Equal(AttemptOutcome.CorrectionsNeeded, Thresholds.OutcomeOf(SampleClientGrader.Grade(Correct with { EntryAssessmentComplete = false }, Key)));

    [Fact]
    public void WrongProject_CallsForAWalkthrough() =>
        Assert.Equal(AttemptOutcome.Walkthrough, Thresholds.OutcomeOf(SampleClientGrader.Grade(Correct with { ProjectType = ProjectType.Ssvf }, Key)));

    [Fact]
    public void ManyMajorErrors_CallForAWalkthrough_TwoCriticalForTheCourseAgain()
    {
        Assert.Equal(AttemptOutcome.CorrectionsNeeded, Thresholds.OutcomeOf([Of(FindingSeverity.Major), Of(FindingSeverity.Major)]));
        Assert.Equal(AttemptOutcome.Walkthrough, Thresholds.OutcomeOf([Of(FindingSeverity.Major), Of(FindingSeverity.Major), Of(FindingSeverity.Major)]));
        Assert.Equal(AttemptOutcome.RedoTraining, Thresholds.OutcomeOf([Of(FindingSeverity.Critical), Of(FindingSeverity.Critical)]));
        Assert.Equal(AttemptOutcome.CorrectionsNeeded, Thresholds.OutcomeOf([Of(FindingSeverity.Minor), Of(FindingSeverity.Minor), Of(FindingSeverity.Minor)]));
    }

    [Fact]
    public void Variant_SameSeed_SameClient_OtherSeed_OtherClient()
    {
        var scenario = ScenarioCatalog.Find("ES_SINGLE_ADULT");
        var today = new DateOnly(2026, 2, 1);
        Assert.Equal(scenario.Variant(42, today), scenario.Variant(42, today));
        Assert.NotEqual(scenario.Variant(42, today), scenario.Variant(43, today));
    }
}
