using Hmis.Assessment.V1;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.Testing;

namespace HmisPlatform.Assessment.Tests.Api;

/// <summary>The Assessment service on its own database.</summary>
public sealed class AssessmentFixture : ServiceFixture<Program, AssessmentDbContext>
{
    protected override string DatabaseConnectionName => ResourceNames.AssessmentDb;

    public SampleClientAssignments.SampleClientAssignmentsClient Client => new(Channel);

    /// <summary>Enough seats that the tests of grading never wait in line; the waitlist has its own fixture.</summary>
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Assessment:Seats"] = "1000" };
}
