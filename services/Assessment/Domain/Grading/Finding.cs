using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Records;

namespace HmisPlatform.Assessment.Domain.Grading;

/// <summary>One difference between the trainee's record and the answer key, with where to look again.</summary>
public sealed record Finding(string Criterion, string Element, string Expected, string Entered, FindingSeverity Severity, string Guidance);
