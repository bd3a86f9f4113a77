namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>
/// The route by which the person reached step 4 and the account was made. Stored by these numbers: never renumber a member.
/// </summary>
public enum AccountRoute
{
    Unspecified = 0,
    /// <summary>The Sample Client Assignment was passed.</summary>
    AssessmentPassed = 1,
    /// <summary>A full transfer: same project types as before, no training and no assignment.</summary>
    FullTransfer = 2,
    /// <summary>HPCC or State Homeless Prevention access granted through the Help Desk, no assignment.</summary>
    HelpDesk = 3,
    /// <summary>Read Only access: the alternate Introduction completed, no assignment.</summary>
    ReadOnlyTraining = 4,
    /// <summary>Training completed and the assignment waived: by the reviewer (HRS / 1474, Housing System Navigation), or because no client data entry was requested, or the path has no project workflow course (1474 alone).</summary>
    AssessmentWaived = 5,
    /// <summary>Held before go-live and brought in by the import.</summary>
    Imported = 6,
}
