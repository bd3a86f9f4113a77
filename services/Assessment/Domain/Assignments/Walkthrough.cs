namespace HmisPlatform.Assessment.Domain.Assignments;

/// <summary>A 1:1 video walk-through of the record: who leads it, when, for how long.</summary>
public sealed record Walkthrough(string StaffMember, DateTimeOffset StartsAt, TimeSpan Length);
