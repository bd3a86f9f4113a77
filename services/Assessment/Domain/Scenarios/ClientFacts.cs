using Hmis.Common.V1;

namespace HmisPlatform.Assessment.Domain.Scenarios;

/// <summary>The answer key of one trainee's variant of a scenario: what a correct record holds. Fictional, always.</summary>
public sealed record ClientFacts(string FirstName, string LastName, DateOnly DateOfBirth, ProjectType ProjectType, DateOnly ProjectStartDate);
