using BenchmarkDotNet.Attributes;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.Assessment.Domain.Scenarios;

namespace HmisPlatform.Benchmarks;

/// <summary>
/// Grading one attempt: the trainee's scenario variant drawn (its documents and model record), every check run
/// against the entered record, the outcome decided. On the SSVF family scenario, the largest record (two people,
/// three assessments, move-in, a service transaction).
/// </summary>
[MemoryDiagnoser]
public class GradingBenchmarks
{
    private static readonly DateOnly Opened = new(2026, 11, 2);
    private static readonly GradingThresholds Thresholds = new();
    private readonly Scenario _scenario = ScenarioCatalog.Find("SSVF_VETERAN")!;
    private ScenarioCase _case = null!;
    private ClientRecord _withErrors = null!;

    [GlobalSetup]
    public void Setup()
    {
        _case = _scenario.Case(1234, Opened);
        _withErrors = _case.Model with
        {
            Client = _case.Model.Client with { LastName = "Wrongname", DateOfBirth = new DateOnly(1900, 1, 1) },
            Enrollment = _case.Model.Enrollment with { Services = [] },
        };
    }

    [Benchmark(Baseline = true)]
    public AttemptOutcome GradeOneAttempt() => Thresholds.OutcomeOf(SampleClientGrader.Grade(_withErrors, _case));

    [Benchmark]
    public AttemptOutcome VariantThenGrade()
    {
        var scenarioCase = _scenario.Case(1234, Opened);
        return Thresholds.OutcomeOf(SampleClientGrader.Grade(_withErrors, scenarioCase));
    }
}
