using BenchmarkDotNet.Attributes;
using Hmis.Common.V1;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Scenarios;

namespace HmisPlatform.Benchmarks;

/// <summary>Grading one attempt: the trainee's record read, their scenario variant's answer key made, every check run, the outcome decided.</summary>
[MemoryDiagnoser]
public class GradingBenchmarks
{
    private static readonly DateOnly Opened = new(2026, 11, 2);
    private static readonly GradingThresholds Thresholds = new();
    private readonly Scenario _scenario = ScenarioCatalog.Find("ES_SINGLE_ADULT");
    private ClientFacts _key = null!;

    [GlobalSetup]
    public void Setup() => _key = _scenario.Variant(1234, Opened);

    [Benchmark(Baseline = true)]
    public Hmis.Assessment.V1.AttemptOutcome GradeOneAttempt()
    {
        var record = EnteredRecord.Parse(_key.FirstName, "Wrongname", "1900-01-01", ProjectType.EmergencyShelter, _key.ProjectStartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), true);
        return Thresholds.OutcomeOf(SampleClientGrader.Grade(record, _key));
    }

    [Benchmark]
    public Hmis.Assessment.V1.AttemptOutcome VariantThenGrade()
    {
        var key = _scenario.Variant(1234, Opened);
        var record = EnteredRecord.Parse(key.FirstName, key.LastName, key.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ProjectType.EmergencyShelter,
            key.ProjectStartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), true);
        return Thresholds.OutcomeOf(SampleClientGrader.Grade(record, key));
    }
}
