using HmisPlatform.Assessment.Domain.Scenarios;
using HmisPlatform.Assessment.Infrastructure;

namespace HmisPlatform.Assessment.Tests.Infrastructure;

public sealed class RecordJsonTests
{
    [Fact]
    public void EveryScenariosRecord_IsStoredAndReadBackWhole()
    {
        foreach (var scenario in ScenarioCatalog.Scenarios)
        {
            var model = scenario.Case(99, new DateOnly(2026, 11, 1)).Model;

            var read = RecordJson.Read(RecordJson.Write(model))!;

            Assert.Equal(RecordJson.Write(model), RecordJson.Write(read));
            Assert.Equal(model.Client.Races.Order(), read.Client.Races.Order());
            Assert.Equal(model.Enrollment.Assessments.Count, read.Enrollment.Assessments.Count);
            Assert.Equal(model.Enrollment.Assessments[1].MoveInDate, read.Enrollment.Assessments[1].MoveInDate);
        }
    }
}
