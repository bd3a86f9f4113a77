using Hmis.Common.V1;

namespace HmisPlatform.Assessment.Domain.Scenarios;

/// <summary>
/// A fictional client for one project type's workflow. Each attempt gets its own variant (names, dates) drawn
/// deterministically from a seed, so answers cannot be copied between trainees.
/// </summary>
public sealed record Scenario(string Code, ProjectType ProjectType, string Setting)
{
    private static readonly string[] FirstNames = ["Avery", "Jordan", "Morgan", "Riley", "Casey", "Quinn", "Rowan", "Skyler", "Emerson", "Harper"];
    private static readonly string[] LastNames = ["Testperson", "Samplewood", "Fictio", "Demoson", "Trainer", "Mockley", "Exampleton", "Practis"];

    public ClientFacts Variant(int seed, DateOnly today)
    {
        var random = new Random(seed);
        return new ClientFacts(
            FirstNames[random.Next(FirstNames.Length)],
            LastNames[random.Next(LastNames.Length)],
            today.AddYears(-random.Next(19, 70)).AddDays(-random.Next(0, 365)),
            ProjectType,
            today.AddDays(-random.Next(1, 30)));
    }

    public string Narrative(ClientFacts facts) =>
        $"{facts.FirstName} {facts.LastName} (born {facts.DateOfBirth:yyyy-MM-dd}) arrives at {Setting}. " +
        $"Create the client, then enrol them in the project starting {facts.ProjectStartDate:yyyy-MM-dd} and complete the entry assessment.";
}
