namespace HmisPlatform.Training.Domain.LmsAccounts;

/// <summary>Where an LMS account stands. Stored by these numbers: never renumber a member.</summary>
public enum LmsAccountStatus
{
    Unspecified = 0,
    /// <summary>The person's one account.</summary>
    Active = 1,
    /// <summary>A second account of a person who has one: to be deleted in the LMS; nothing is recorded on it.</summary>
    Duplicate = 2,
}
