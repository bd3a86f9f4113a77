using Hmis.Assessment.V1;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.Assessment.Domain.Scenarios;
using HmisPlatform.Assessment.Grpc;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Testing;
using Xunit.Abstractions;

namespace HmisPlatform.Assessment.Tests.Fuzzing;

/// <summary>
/// Fuzz target: the Sample Client record a trainee enters, read against its contract and graded: records built at
/// random, and each scenario's own correct record with a few fields changed. Whatever is entered,
/// it is refused as RECORD_INVALID naming its fields, or read into a record that grades against every scenario
/// without an error and reads back to the same message.
/// </summary>
public sealed class SampleClientRecordFuzzTests(ITestOutputHelper output)
{
    private static readonly ScenarioCase[] Cases =
        [.. ScenarioCatalog.Scenarios.SelectMany(s => Enumerable.Range(0, 3).Select(variant => ScenarioCases.Build(s, variant, new DateOnly(2026, 12, 6))))];

    [Fact]
    public void AnyEnteredRecord_IsRefusedByItsFields_OrGradesAgainstEveryScenario()
    {
        var records = CsCheck.Gen.OneOf(
            ProtoFuzz.Messages<SampleClientRecord>(SampleClientRecord.Descriptor),
            ProtoFuzz.Mutations<SampleClientRecord>([.. Cases.Select(c => c.Model.ToMessage())]));
        Fuzz.Run(records, entered =>
        {
            ClientRecord record;
            try
            {
                record = entered.ToDomain();
            }
            catch (DomainException refused) when (refused.Reason == RecordLimits.InvalidRecordReason)
            {
                Assert.NotEmpty(refused.FieldViolations);
                Assert.All(refused.FieldViolations, v => Assert.StartsWith("record", v.Field, StringComparison.Ordinal));
                return;
            }
            foreach (var scenarioCase in Cases)
            {
                Assert.NotNull(SampleClientGrader.Grade(record, scenarioCase));
            }
            Assert.Equal(record.ToMessage(), record.ToMessage().ToDomain().ToMessage());
        }, output);
    }
}
